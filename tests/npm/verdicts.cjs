// The npm package's verdicts in the shape `fwevents validate --format json` prints them, so
// that the whole-chain test compares the two line by line.
//
//   node verdicts.cjs PACKAGE_DIR [--strict] [--ndjson] [--event=NAME] FILE...
//
// With --ndjson each line is one payload, given to the validator as its bytes (newline
// included, as the command line reads a log); a malformed line's position is then counted
// from the file's start, as the command line counts it.
"use strict";
const fs = require("fs");

const [pkg, ...rest] = process.argv.slice(2);
const { validate } = require(pkg);
const strict = rest.includes("--strict");
const ndjson = rest.includes("--ndjson");
const named = rest.find((a) => a.startsWith("--event="));
const event = named === undefined ? undefined : named.slice("--event=".length);
const files = rest.filter((a) => !a.startsWith("--"));

const out = [];
function emit(file, line, bytes) {
  const r = validate(bytes, { strict, event });
  const errors = r.errors.map((e) => {
    let message = e.message;
    if (line !== undefined) message = message.replace(/^malformed JSON at line (\d+),/, (_, l) => `malformed JSON at line ${line + Number(l) - 1},`);
    const o = { path: e.pointer, kind: e.kind, message };
    if (e.expected !== undefined) o.expected = e.expected;
    if (e.found !== undefined) o.found = e.found;
    if (e.rule !== undefined) o.rule = e.rule;
    return o;
  });
  const o = { file };
  if (line !== undefined) o.line = line;
  Object.assign(o, { event: r.event, valid: r.valid, error_count: errors.length + r.omitted, errors });
  out.push(JSON.stringify(o));
  if (out.length >= 1000) flush();
}
const flush = () => {
  if (out.length > 0) fs.writeSync(1, out.join("\n") + "\n");
  out.length = 0;
};

for (const file of files) {
  let bytes = fs.readFileSync(file);
  if (!ndjson) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    emit(file, undefined, bytes);
    continue;
  }
  let start = 0;
  let number = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    end = end < 0 ? bytes.length : end + 1;
    number++;
    let line = bytes.subarray(start, end);
    if (number === 1 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
    if (!/^[ \t\r\n\f\v]*$/.test(line.toString("latin1"))) emit(file, number, line);
    start = end;
  }
}
flush();
