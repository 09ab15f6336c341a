// Runs a Freshworks app's server.js the way the platform's local simulator does: the
// handlers its manifest.json names, each called with the app's server/test_data/<event>.json.
// Prints one JSON line per call: the event, the handler and what the handler logged
// (`missing` when the script has no such handler).
//
//   node run-app.cjs APP_DIR [SCRIPT]    (SCRIPT: server/server.js by default)
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { createRequire } = require("module");

const app = path.resolve(process.argv[2]);
const manifest = JSON.parse(fs.readFileSync(path.join(app, "manifest.json"), "utf8"));
const server = path.resolve(app, process.argv[3] || path.join("server", "server.js"));
const logs = [];
// server.js assigns its handlers to `exports`, as the platform expects.
const sandbox = { exports: {}, require: createRequire(server), console: { log: (...a) => logs.push(a.map(String).join(" ")) } };
vm.runInNewContext(fs.readFileSync(server, "utf8"), sandbox, { filename: server });
const handlers = sandbox.exports;

const subscribed = [];
for (const layout of ["product", "modules"]) {
  for (const part of Object.values(manifest[layout] || {})) {
    for (const [event, { handler }] of Object.entries(part.events || {})) subscribed.push([event, handler]);
  }
}
const seen = new Set();
for (const [event, handler] of subscribed) {
  if (seen.has(event)) continue;
  seen.add(event);
  const file = path.join(app, "server", "test_data", `${event}.json`);
  if (!fs.existsSync(file)) continue;
  logs.length = 0;
  if (typeof handlers[handler] !== "function") {
    process.stdout.write(JSON.stringify({ event, handler, missing: true }) + "\n");
    continue;
  }
  handlers[handler](JSON.parse(fs.readFileSync(file, "utf8")));
  process.stdout.write(JSON.stringify({ event, handler, logs }) + "\n");
}
