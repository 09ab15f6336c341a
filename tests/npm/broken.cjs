// Broken payloads for the whole-chain test of the npm package: every payload of the input
// (one per line) with one thing changed at a time, at every place in it: null, left out,
// values of other types and forms, keys sent twice, attributes the spec does not list, and
// the values the spec's enums and rules name (so that every rule's condition comes true).
// The same input gives the same lines.
//
//   node broken.cjs SPEC_JSON < payloads.ndjson > broken.ndjson
"use strict";
const fs = require("fs");

const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const input = fs.readFileSync(0, "utf8").split("\n").filter((l) => l.trim() !== "");

// Values as JSON text, so that the forms JSON.parse would lose (5.0, huge integers) stay.
const OTHERS = [
  "null", "true", "7", "-3", "1.5", "5.0", "-0", "1e3", "12345678901234567890123", "9223372036854775808",
  '""', '"x"', '"132"', '"0132"', "[]", "[null]", '[1,"a"]', "{}", '{"k":1}',
  '"2022-06-09T02:18:41Z"', '"2022-06-09T02:18:41+05:30"', '"2022-06-09t02:18:41.123456789z"', '"2022-08-29 18:45:26 UTC"',
  '"2022-02-29T00:00:00Z"', '"2023-04-31 10:00:00 UTC"', '"2022-13-01T00:00:00Z"', '"2022-06-09T24:00:00Z"',
  '"2022-06-09T02:18:60Z"', '"2022-06-09T02:18:41.Z"', '"2022-06-09T02:18:41.1234567891Z"', '"2022-06-09T02:18:41"',
  '"2022-06-09T02:18:41+5:30"', '"2022-06-09X02"', '"2022-06-09T02:18:41Z junk"', '"1724133753887"', '"-1"',
  '"99999999999999999999"', "1632216310.817101", "1e14", "1564592339214", "-1564592339214",
  '"tab\\there \\"quoted\\" \\u0000 \\u202e \\u00ad é 😀"', '"' + "long ".repeat(20) + '"', '"a/b~c"',
];
for (const t of spec.types) {
  if (t.enum) for (const v of t.enum.values) OTHERS.push("str" in v ? JSON.stringify(v.str) : v.int);
}
for (const e of spec.events) {
  for (const r of e.rules) {
    const lits = [].concat(r.when ? r.when.in || r.when.not_in : [], r.check.one_of ? r.check.one_of[1] : []);
    for (const l of lits) OTHERS.push("str" in l ? JSON.stringify(l.str) : "int" in l ? l.int : JSON.stringify(l.float ?? l.bool));
  }
}
const values = [...new Set(OTHERS)];

// A JSON value as a tree that keeps key order and numbers' text.
function tree(text) {
  return toTree(JSON.parse(text, (k, v, ctx) => (typeof v === "number" && ctx && ctx.source ? { __num: ctx.source } : v)));
}
function toTree(v) {
  if (v === null || typeof v !== "object") return { raw: JSON.stringify(v) };
  if (v.__num !== undefined) return { raw: v.__num };
  if (Array.isArray(v)) return { items: v.map(toTree) };
  return { entries: Object.keys(v).map((k) => [k, toTree(v[k])]) };
}
function text(t) {
  if (t.raw !== undefined) return t.raw;
  if (t.items) return "[" + t.items.map(text).join(",") + "]";
  return "{" + t.entries.map(([k, v]) => JSON.stringify(k) + ":" + text(v)).join(",") + "}";
}
const raw = (r) => ({ raw: r });
// A copy of a node one level deep: its own list of items or entries (and entry pairs), the
// values in them shared.
const shallow = (n) => (n.items ? { items: n.items.slice() } : n.entries ? { entries: n.entries.map(([k, v]) => [k, v]) } : { ...n });

// Every place in the tree, as the steps to it.
function places(t, at = [], out = []) {
  out.push(at);
  if (t.items) t.items.forEach((item, i) => places(item, at.concat([i]), out));
  if (t.entries) t.entries.forEach(([, v], i) => places(v, at.concat([i]), out));
  return out;
}
function get(t, steps) {
  for (const s of steps) t = t.items ? t.items[s] : t.entries[s][1];
  return t;
}
// The text of the tree with one change at `steps`: only the nodes on the way there are
// copied (the change may alter the last two), the rest is shared with `t`, which stays as
// it is.
function edit(t, steps, change) {
  const copy = shallow(t);
  let parent = null;
  let node = copy;
  for (const s of steps) {
    parent = node;
    node = shallow(parent.items ? parent.items[s] : parent.entries[s][1]);
    if (parent.items) parent.items[s] = node;
    else parent.entries[s][1] = node;
  }
  change(parent, steps[steps.length - 1]);
  return text(copy);
}

const out = [];
const flush = () => {
  if (out.length > 0) fs.writeSync(1, out.join("\n") + "\n");
  out.length = 0;
};
for (const line of input) {
  const t = tree(line);
  for (const at of places(t)) {
    if (at.length === 0) continue;
    const set = (v) => (p, s) => (p.items ? (p.items[s] = v) : (p.entries[s][1] = v));
    for (const v of values) out.push(edit(t, at, set(raw(v))));
    const parentIsObject = get(t, at.slice(0, -1)).entries !== undefined;
    if (parentIsObject) {
      out.push(edit(t, at, (p, s) => p.entries.splice(s, 1)));
      // Sent twice: an earlier value of another type, then the value itself.
      out.push(edit(t, at, (p, s) => p.entries.splice(s, 0, [p.entries[s][0], raw('"earlier"')])));
      out.push(edit(t, at, (p, s) => p.entries.push([p.entries[s][0], raw("null")])));
    }
    const node = get(t, at);
    if (node.entries) {
      out.push(edit(t, at, (p, s) => {
        const o = p.items ? p.items[s] : p.entries[s][1];
        o.entries.push(["zz_extra", raw('{"a":[1,2]}')], ["__proto__", raw("1")], ["a/b~c", raw('"x"')], ["zz_extra", raw("2")]);
      }));
    }
    if (node.items) {
      out.push(edit(t, at, (p, s) => (p.items ? p.items[s] : p.entries[s][1]).items.push(raw("null"), raw("1.5"))));
    }
  }
  // The envelope as a whole: data first, and events and domains of other products.
  const envelope = t.entries.map(([k]) => k);
  const data = envelope.indexOf("data");
  if (data > 0) out.push(edit(t, [data], (p, s) => p.entries.unshift(p.entries.splice(s, 1)[0])));
  const ev = envelope.indexOf("event");
  const dom = envelope.indexOf("domain");
  for (const e of spec.events) if (ev >= 0) out.push(edit(t, [ev], (p, s) => (p.entries[s][1] = raw(JSON.stringify(e.name)))));
  for (const p of spec.products) {
    for (const d of p.domains) {
      if (dom >= 0) out.push(edit(t, [dom], (q, s) => (q.entries[s][1] = raw(JSON.stringify(`ACME.${d.toUpperCase()}.`)))));
    }
  }
  if (ev >= 0) out.push(edit(t, [ev], (p, s) => p.entries.push(["event", raw('"onSomethingElse"')])));
  flush();
}
// Not payloads at all.
out.push("[]", "null", '"text"', "7", "{", '{"event":', '{"a":1}x', '{"event":"onAgentUpdate","data":{}', "{\"event\":\"a\u0001\"}");
out.push("[".repeat(300) + "]".repeat(300));
flush();
