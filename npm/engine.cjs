"use strict";
// The validator of the freshworks-events package: one engine for every spec, reading the
// spec as data (spec.json). It gives the violations the Rust models give (`fwevents
// validate --format json`), pointer, kind and message alike, so it follows the Rust
// runtime step by step: how each type reads a value, the order of the walk, the rules, and
// how values are shown in messages (Rust's `{:?}` for strings, serde_json's numbers).
//
// Payload keys and values are only ever data here: keys live in Maps and arrays, never as
// properties of plain objects, so a key such as "__proto__" is an attribute like any other.

// The Rust reader skips a value it keeps as sent (an unknown attribute, a value of the wrong
// type) with a nesting limit of its own, counted from that value: 201 levels.
const SKIP_LEVELS = 201;
// serde_json, which describes such a value for messages, reads 127 levels.
const DESCRIBE_LEVELS = 127;
// Far deeper than any payload of the spec nests its types: past this, the text cannot be
// read within the limits above, and the reader is taken to refuse it where a value skipped
// from the envelope would be refused.
const MAX_DEPTH = 1000;
// The violations a result lists, as the Rust report keeps them (`Report::KEPT`); past it,
// they are counted in `omitted`.
const KEPT = 10000;

// ---- JSON text ---------------------------------------------------------------------------

// A parse failure: `kind` as the command line names it ("json" for malformed text, "event"
// for nesting past the limit).
class Unreadable extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

// Reads JSON text into nodes that keep what JSON.parse loses: repeated keys, key order and
// each number's text (so 5.0 stays a float and 30-digit integers stay exact).
function parseJson(text) {
  let i = 0;
  // Where each open object or array starts.
  const opens = [];
  // jiter's positions: an error at the end of the text is after its last character.
  const fail = (message, at = i) => {
    const { line, column } = position(text, at, at >= text.length);
    return new Unreadable("json", `malformed JSON at line ${line}, column ${column}: ${message}`);
  };
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const value = (depth) => {
    ws();
    if (i >= text.length) throw fail("EOF while parsing a value");
    const c = text[i];
    if (c === "{" || c === "[") {
      // An object at the root is the envelope, read as its type: what is skipped starts inside.
      if (depth >= MAX_DEPTH) throw tooDeep(text, opens[text[opens[0]] === "{" ? SKIP_LEVELS + 1 : SKIP_LEVELS]);
      const pos = i;
      opens.push(pos);
      const node = c === "{" ? object(depth + 1) : array(depth + 1);
      opens.pop();
      node.pos = pos;
      const inner = node.k === "obj" ? node.entries.map(([, v]) => v) : node.items;
      node.h = 1 + inner.reduce((h, v) => Math.max(h, v.h || 0), 0);
      return node;
    }
    if (c === '"') return { k: "str", v: string() };
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    for (const [word, node] of [["true", { k: "bool", v: true }], ["false", { k: "bool", v: false }], ["null", { k: "null" }]]) {
      if (c !== word[0]) continue;
      for (let j = 1; j < word.length; j++) {
        if (text[i + j] !== word[j]) throw fail(i + j >= text.length ? "EOF while parsing a value" : "expected ident", i + j);
      }
      i += word.length;
      return node;
    }
    throw fail("expected value");
  };
  const object = (depth) => {
    i++;
    const entries = [];
    ws();
    if (text[i] === "}") {
      i++;
      return { k: "obj", entries };
    }
    for (;;) {
      ws();
      if (text[i] !== '"') throw fail(i >= text.length ? "EOF while parsing an object" : "key must be a string");
      const key = string();
      ws();
      if (text[i] !== ":") throw fail(i >= text.length ? "EOF while parsing an object" : "expected `:`");
      i++;
      entries.push([key, value(depth)]);
      ws();
      if (text[i] === ",") {
        i++;
        ws();
        if (text[i] === "}") throw fail("trailing comma");
        continue;
      }
      if (text[i] === "}") {
        i++;
        return { k: "obj", entries };
      }
      throw fail(i >= text.length ? "EOF while parsing an object" : "expected `,` or `}`");
    }
  };
  const array = (depth) => {
    i++;
    const items = [];
    ws();
    if (text[i] === "]") {
      i++;
      return { k: "arr", items };
    }
    for (;;) {
      items.push(value(depth));
      ws();
      if (text[i] === ",") {
        i++;
        ws();
        if (text[i] === "]") throw fail("trailing comma");
        continue;
      }
      if (text[i] === "]") {
        i++;
        return { k: "arr", items };
      }
      throw fail(i >= text.length ? "EOF while parsing a list" : "expected `,` or `]`");
    }
  };
  const string = () => {
    i++;
    let out = "";
    let start = i;
    for (;;) {
      if (i >= text.length) throw fail("EOF while parsing a string");
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) throw fail("control character (\\u0000-\\u001F) found while parsing a string");
      if (c >= 0xd800 && c <= 0xdfff) {
        // A surrogate in the text itself came from a string, not from UTF-8: refuse it as
        // the Rust reader refuses bytes that are not UTF-8.
        const pair = c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
        if (!pair) throw fail("invalid UTF-8");
        i += 2;
        continue;
      }
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(start, i);
      i++;
      const e = text[i];
      const simple = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
      if (e !== undefined && Object.prototype.hasOwnProperty.call(simple, e)) {
        out += simple[e];
        i++;
      } else if (e === "u") {
        const unit = hex4(i + 1);
        i += 5;
        // A lone surrogate escape reads as U+FFFD, as the Rust reader reads it (a Rust
        // string cannot hold one); a pair is one character.
        const lowNext = text[i] === "\\" && text[i + 1] === "u" && /^[dD][c-fC-F][0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 6));
        if (unit >= 0xd800 && unit <= 0xdbff && lowNext) {
          out += String.fromCharCode(unit, parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (unit >= 0xd800 && unit <= 0xdfff) {
          out += "\ufffd";
        } else {
          out += String.fromCharCode(unit);
        }
      } else {
        throw fail("invalid escape");
      }
      start = i;
    }
  };
  const hex4 = (at) => {
    const h = text.slice(at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) throw fail("invalid escape", at);
    return parseInt(h, 16);
  };
  const number = () => {
    const start = i;
    const isDigit = (at) => text[at] >= "0" && text[at] <= "9";
    const digitsAt = () => {
      if (!isDigit(i)) throw fail(i >= text.length ? "EOF while parsing a value" : "invalid number");
      while (isDigit(i)) i++;
    };
    if (text[i] === "-") i++;
    if (text[i] === "0") {
      i++;
      if (isDigit(i)) throw fail("invalid number");
    } else {
      digitsAt();
    }
    if (text[i] === ".") {
      i++;
      digitsAt();
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      digitsAt();
    }
    return { k: "num", text: text.slice(start, i) };
  };
  const root = value(0);
  ws();
  if (i < text.length) throw fail("trailing characters");
  return root;
}

function tooDeep(text, at) {
  const { line, column } = position(text, at);
  return new Unreadable("event", `the JSON nests deeper than 200 levels (line ${line}, column ${column})`);
}

// Refuses a value the Rust reader would skip, if it nests past the reader's limit: at the
// first bracket (in text order) past it.
function checkSkip(text, node) {
  if (!(node.h > SKIP_LEVELS)) return;
  const first = (n, level) => {
    if (level > SKIP_LEVELS) return n;
    for (const child of n.k === "obj" ? n.entries.map(([, v]) => v) : n.items) {
      if (child.h !== undefined && child.h + level > SKIP_LEVELS) return first(child, level + 1);
    }
    return n;
  };
  throw tooDeep(text, first(node, 1).pos);
}

// Where bytes stop being UTF-8, as the Rust reader reports it.
function invalidUtf8(bytes) {
  let at = 0;
  while (at < bytes.length) {
    const b = bytes[at];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0 || at + n > bytes.length) break;
    let ok = true;
    for (let k = 1; k < n; k++) if ((bytes[at + k] & 0xc0) !== 0x80) ok = false;
    const b1 = bytes[at + 1];
    if (n === 3 && ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f))) ok = false;
    if (n === 4 && ((b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f))) ok = false;
    if (!ok) break;
    at += n;
  }
  let line = 1;
  let start = 0;
  for (let j = 0; j < at; j++) {
    if (bytes[j] === 0x0a) {
      line++;
      start = j + 1;
    }
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && line === 1 ? 3 : 0;
  return new Unreadable("json", `malformed JSON at line ${line}, column ${at - start - bom + 1}: invalid UTF-8`);
}

function position(text, at, end = false) {
  let line = 1;
  let start = 0;
  for (let j = 0; j < at && j < text.length; j++) {
    if (text.charCodeAt(j) === 0x0a) {
      line++;
      start = j + 1;
    }
  }
  // Columns count bytes of UTF-8, as the Rust reader's do.
  return { line, column: new TextEncoder().encode(text.slice(start, at)).length + (end ? 0 : 1) };
}

// ---- How Rust shows values -----------------------------------------------------------------

const ESCAPED = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}\p{Grapheme_Extend}]|[^\P{Zs} ]/u;

// One character as Rust's `escape_debug` writes it, inside a string (`quote` `"`) or a char (`'`).
function escapeChar(c, quote) {
  switch (c) {
    case "\0":
      return "\\0";
    case "\t":
      return "\\t";
    case "\r":
      return "\\r";
    case "\n":
      return "\\n";
    case "\\":
      return "\\\\";
    default:
      if (c === quote) return "\\" + c;
      if (ESCAPED.test(c)) return `\\u{${c.codePointAt(0).toString(16)}}`;
      return c;
  }
}

/** A string as Rust's `{:?}` writes it: `"a\"b"`. */
function debugStr(s) {
  let out = '"';
  for (const c of s) out += escapeChar(c, '"');
  return out + '"';
}

function debugChar(c) {
  return "'" + escapeChar(c, "'") + "'";
}

// The shortest digits that read back as `x`, and the decimal exponent of the first one.
function digits(x) {
  const [mantissa, exp] = Math.abs(x).toExponential().split("e");
  return { d: mantissa.replace(".", ""), e: Number(exp), neg: x < 0 || Object.is(x, -0) };
}

function plainDecimal(d, e) {
  if (e >= d.length - 1) return d + "0".repeat(e - d.length + 1);
  if (e < 0) return "0." + "0".repeat(-e - 1) + d;
  return d.slice(0, e + 1) + "." + d.slice(e + 1);
}

/** Rust's `{}` for an f64: never an exponent, no ".0" on whole numbers. */
function displayF64(x) {
  const { d, e, neg } = digits(x);
  return (neg ? "-" : "") + plainDecimal(d, e);
}

/** Rust's `{:?}` for an f64: ".0" on whole numbers, an exponent below 1e-4 and from 1e16. */
function debugF64(x) {
  const { d, e, neg } = digits(x);
  const sign = neg ? "-" : "";
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e16)) return sign + d[0] + (d.length > 1 ? "." + d.slice(1) : "") + "e" + e;
  const p = plainDecimal(d, e);
  return sign + (p.includes(".") ? p : p + ".0");
}

/** serde_json's text of an f64: "5.0", "1e+16", "1.5e-7". */
function ryuF64(x) {
  const { d, e, neg } = digits(x);
  const sign = neg ? "-" : "";
  const n = d.length;
  const kk = e + 1;
  if (kk >= n && kk <= 16) return sign + d + "0".repeat(kk - n) + ".0";
  if (kk > 0 && kk <= 16) return sign + d.slice(0, kk) + "." + d.slice(kk);
  if (kk > -5 && kk <= 0) return sign + "0." + "0".repeat(-kk) + d;
  return sign + d[0] + (n > 1 ? "." + d.slice(1) : "") + "e" + (kk > 0 ? "+" : "") + (kk - 1);
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const U64_MAX = 2n ** 64n - 1n;

function isIntegerText(t) {
  return !/[.eE]/.test(t);
}

// What serde_json makes of a number's text: an integer within 64 bits (i64 or u64), or a
// float (also for "-0" and integers beyond 64 bits); null when the float is infinite.
function serdeNumber(t) {
  if (isIntegerText(t)) {
    const b = BigInt(t);
    if (t.startsWith("-") ? b < 0n && b >= I64_MIN : b <= U64_MAX) return { int: b };
  }
  const f = Number(t);
  return Number.isFinite(f) ? { float: f } : null;
}

/** A short description of a JSON value, as the Rust messages give it: `string "x"`, `integer 5`. */
function describe(node) {
  if (node.h > DESCRIBE_LEVELS) return "null";
  switch (node.k) {
    case "null":
      return "null";
    case "bool":
      return `boolean ${node.v}`;
    case "num": {
      const n = serdeNumber(node.text);
      if (n === null) return "null";
      return "int" in n ? `integer ${n.int}` : `number ${ryuF64(n.float)}`;
    }
    case "str": {
      const chars = Array.from(node.v);
      let cut = chars.slice(0, 40).join("");
      if (chars.length > 40) cut += "…";
      return `string ${debugStr(cut)}`;
    }
    case "arr":
      return `an array of ${node.items.length} item${node.items.length === 1 ? "" : "s"}`;
    case "obj": {
      const keys = new Set(node.entries.map(([k]) => k)).size;
      return `an object with ${keys} key${keys === 1 ? "" : "s"}`;
    }
  }
  return "null";
}

// ---- Numbers as the Rust reader takes them -----------------------------------------------

// A number as the reader reads it: an integer of 64 bits ({ int }), a float ({ float }), or
// null for an integer beyond 64 bits or a float beyond f64.
function readNumber(t) {
  const unsigned = t.startsWith("-") ? t.slice(1) : t;
  if (unsigned.length > 0 && unsigned.length <= 18 && /^[0-9]+$/.test(unsigned)) return { int: BigInt(t) };
  if (/[.eE]/.test(t)) {
    const f = Number(t);
    return Number.isFinite(f) ? { float: f } : null;
  }
  const b = BigInt(t);
  return b >= I64_MIN && b <= I64_MAX ? { int: b } : null;
}

function readInt(t) {
  const n = readNumber(t);
  return n !== null && "int" in n ? n.int : null;
}

// ---- Timestamps ----------------------------------------------------------------------------

const FORMS = {
  iso8601: "2022-06-09T02:18:41Z",
  utc_text: "2022-08-29 18:45:26 UTC",
  epoch_millis: "1564592339214",
  epoch_seconds: "1632216310.817101",
  epoch_millis_string: '"1724133753887"',
};

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

class TimestampError extends Error {}

// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
function daysFromCivil(y, m, d) {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y, m) {
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function quoted(s) {
  const chars = Array.from(s);
  return chars.length > 40 ? debugStr(chars.slice(0, 40).join("")) + "…" : debugStr(s);
}

function textTimestamp(s, format, [y, mo, d], [h, mi, se], nanos, offset) {
  const secs = BigInt(daysFromCivil(y, mo, d)) * 86400n + BigInt(h * 3600 + mi * 60 + se) - BigInt(offset) * 60n;
  return { repr: { text: s }, nanos: secs * 1000000000n + BigInt(nanos), offset, format };
}

function parseDateTime(s) {
  let pos = 0;
  const peek = () => (pos < s.length ? s[pos] : undefined);
  const found = () => {
    const c = s.codePointAt(pos);
    return c === undefined ? "end of text" : debugChar(String.fromCodePoint(c));
  };
  const err = (m) => new TimestampError(m);
  const expect = (c, what) => {
    if (peek() === c) pos++;
    else throw err(`expected ${what}, found ${found()}`);
  };
  const num = (count, what) => {
    let v = 0;
    for (let k = 0; k < count; k++) {
      const c = peek();
      if (c === undefined || c < "0" || c > "9") throw err(`expected a ${count}-digit ${what}, found ${found()}`);
      v = v * 10 + (c.charCodeAt(0) - 48);
      pos++;
    }
    return v;
  };
  const inRange = (what, v, min, max) => {
    if (v < min || v > max) throw err(`${what} ${v} is out of range`);
  };
  const year = num(4, "year");
  expect("-", "'-' after the year");
  const month = num(2, "month");
  inRange("month", month, 1, 12);
  expect("-", "'-' after the month");
  const day = num(2, "day");
  inRange("day", day, 1, 31);
  if (day > daysInMonth(year, month)) {
    const name = MONTHS[month - 1];
    throw err(day === 29 ? `${name} 29 does not exist in ${String(year).padStart(4, "0")}` : `${name} ${day} does not exist`);
  }
  let format;
  const sep = peek();
  if (sep === "T" || sep === "t") format = "iso8601";
  else if (sep === " ") format = "utc_text";
  else if (sep === undefined) throw err("missing time after the date");
  else throw err(`expected 'T' or a space after the date, found ${found()}`);
  pos++;
  const hour = num(2, "hour");
  inRange("hour", hour, 0, 23);
  expect(":", "':' after the hour");
  const minute = num(2, "minute");
  inRange("minute", minute, 0, 59);
  expect(":", "':' after the minute");
  const second = num(2, "second");
  if (second === 60) throw err("second 60 is out of range (leap seconds are not accepted)");
  inRange("second", second, 0, 59);
  let nanos = 0;
  if (peek() === ".") {
    pos++;
    let count = 0;
    while (peek() !== undefined && peek() >= "0" && peek() <= "9") {
      count++;
      if (count > 9) throw err("fraction of a second has more than 9 digits");
      nanos = nanos * 10 + (s.charCodeAt(pos) - 48);
      pos++;
    }
    if (count === 0) throw err(`expected digits after '.', found ${found()}`);
    nanos *= 10 ** (9 - count);
  }
  let offset = 0;
  if (format === "utc_text") {
    if (!s.startsWith(" UTC", pos)) throw err(`expected " UTC" after the time, found ${found()}`);
    pos += 4;
  } else {
    const c = peek();
    if (c === "Z" || c === "z") {
      pos++;
    } else if (c === "+" || c === "-") {
      pos++;
      const hours = num(2, "offset hour");
      inRange("offset hour", hours, 0, 23);
      expect(":", "':' in the offset");
      const minutes = num(2, "offset minute");
      inRange("offset minute", minutes, 0, 59);
      offset = (c === "-" ? -1 : 1) * (hours * 60 + minutes);
    } else if (c === undefined) {
      throw err("missing time zone after the time (e.g. Z or +05:30)");
    } else {
      throw err(`expected a time zone (Z or ±HH:MM) after the time, found ${found()}`);
    }
  }
  if (pos !== s.length) throw err("trailing characters after the time zone");
  return textTimestamp(s, format, [year, month, day], [hour, minute, second], nanos, offset);
}

/** A timestamp from a JSON string, or a TimestampError saying what is wrong. */
function parseTimestampStr(s) {
  const unsigned = s.startsWith("-") ? s.slice(1) : s;
  if (unsigned.length > 0 && /^[0-9]+$/.test(unsigned)) {
    const ms = unsigned.length > 19 ? null : BigInt(s);
    if (ms === null || ms < I64_MIN || ms > I64_MAX) throw new TimestampError(`${quoted(s)} is out of range for milliseconds since the epoch`);
    return { repr: { text: s }, nanos: ms * 1000000n, offset: 0, format: "epoch_millis_string" };
  }
  if (/^[0-9]{4}-/.test(s)) return parseDateTime(s);
  throw new TimestampError(`${quoted(s)} is not in any timestamp form (e.g. ${FORMS.iso8601})`);
}

function fromSeconds(secs) {
  if (!Number.isFinite(secs) || Math.abs(secs) > 1e13) return null;
  const [whole, fraction = ""] = displayF64(Math.abs(secs)).split(".");
  let nanos = BigInt(whole) * 1000000000n;
  let scale = 1000000000n;
  for (const c of fraction.slice(0, 9)) {
    scale /= 10n;
    nanos += BigInt(c) * scale;
  }
  return { repr: { float: secs }, nanos: secs < 0 ? -nanos : nanos, offset: 0, format: "epoch_seconds" };
}

function showTimestamp(t) {
  if ("text" in t.repr) return t.repr.text;
  if ("int" in t.repr) return String(t.repr.int);
  return debugF64(t.repr.float);
}

// ---- The engine ----------------------------------------------------------------------------

function create(spec) {
  const types = spec.types;
  const eventNames = spec.events.map((e) => `${e.product}/${e.name}`);
  const lit = (l) => ("str" in l ? { s: l.str } : "int" in l ? { i: BigInt(l.int) } : "float" in l ? { f: l.float } : { b: l.bool });

  function expectedOf(ty) {
    if (typeof ty === "string") {
      return {
        string: "a string",
        boolean: "a boolean",
        integer: "an integer",
        number: "a number",
        id: "an id (string or integer)",
        timestamp: "a timestamp",
        any: "any JSON value",
      }[ty];
    }
    if ("change" in ty) return ty.change === "old_new" ? "a two-item array [old, new]" : "a two-item array [new, old]";
    if ("array" in ty) return "an array";
    if ("map" in ty) return "an object";
    const def = types[ty.type];
    return def.enum ? def.enum.expected : "an object";
  }

  // Whether checking a value of the type can find anything (Rust's `WireCheck::CHECKS`).
  function checks(ty) {
    if (typeof ty === "string") return ty === "id" || ty === "timestamp";
    if ("type" in ty) {
      const def = types[ty.type];
      return def.enum ? def.enum.open : true;
    }
    return true;
  }

  const NULL = { st: "null" };
  const ABSENT = { st: "absent" };
  // The text being read, for the positions of errors.
  let source = "";
  const skipped = (node) => checkSkip(source, node);
  const invalid = (raw) => {
    skipped(raw);
    return { st: "invalid", raw };
  };

  // Reads a non-null node as the type does: a value (which keeps its node, for messages),
  // or the node kept as invalid.
  function read(node, ty) {
    const slot = readAs(node, ty);
    if (slot.st === "value") slot.node = node;
    return slot;
  }

  function readAs(node, ty) {
    if (typeof ty === "string") {
      switch (ty) {
        case "string":
          return node.k === "str" ? { st: "value", scalar: { s: node.v } } : invalid(node);
        case "boolean":
          return node.k === "bool" ? { st: "value", scalar: { b: node.v } } : invalid(node);
        case "integer": {
          const i = node.k === "num" ? readInt(node.text) : null;
          return i !== null ? { st: "value", scalar: { i } } : invalid(node);
        }
        case "number": {
          const n = node.k === "num" ? readNumber(node.text) : null;
          if (n === null) return invalid(node);
          return { st: "value", scalar: "int" in n ? { i: n.int } : { f: n.float } };
        }
        case "id": {
          if (node.k === "str") return { st: "value", scalar: { s: node.v } };
          const i = node.k === "num" ? readInt(node.text) : null;
          return i !== null ? { st: "value", scalar: { i } } : invalid(node);
        }
        case "timestamp": {
          let t = null;
          if (node.k === "str") {
            try {
              t = parseTimestampStr(node.v);
            } catch (e) {
              if (!(e instanceof TimestampError)) throw e;
            }
          } else if (node.k === "num") {
            const n = readNumber(node.text);
            if (n !== null && "int" in n) t = { repr: { int: n.int }, nanos: n.int * 1000000n, offset: 0, format: "epoch_millis" };
            else if (n !== null) t = fromSeconds(n.float);
            // Kept as the number's text when it would be written back otherwise (`-0`,
            // `1e3`), as the models keep it.
            if (t !== null && !("int" in t.repr ? !(t.repr.int === 0n && node.text.startsWith("-")) : ryuF64(t.repr.float) === node.text)) {
              t.repr = { text: node.text };
            }
          }
          return t !== null ? { st: "value", ts: t } : invalid(node);
        }
        default:
          skipped(node);
          return { st: "value", other: true };
      }
    }
    if ("change" in ty) {
      if (node.k !== "arr") return invalid(node);
      node.items.forEach(skipped);
      return node.items.length === 2 ? { st: "value", other: true } : { st: "invalid", raw: node };
    }
    if ("array" in ty) {
      if (node.k !== "arr") return invalid(node);
      return { st: "value", items: node.items.map((n) => (n.k === "null" ? NULL : read(n, ty.array))) };
    }
    if ("map" in ty) {
      if (node.k !== "obj") return invalid(node);
      return { st: "value", map: node.entries.map(([k, n]) => [k, n.k === "null" ? NULL : read(n, ty.map)]) };
    }
    const def = types[ty.type];
    if (def.enum) {
      const e = def.enum;
      let scalar = null;
      if (e.int) {
        const i = node.k === "num" ? readInt(node.text) : null;
        if (i !== null) scalar = { i };
      } else if (node.k === "str") {
        scalar = { s: node.v };
      }
      if (scalar === null) return invalid(node);
      const listed = e.values.some((v) => same(lit(v), scalar));
      if (listed) return { st: "value", scalar };
      return e.open ? { st: "value", scalar, other: true } : invalid(node);
    }
    if (node.k !== "obj") return invalid(node);
    return { st: "value", obj: readObject(node, def) };
  }

  function readObject(node, def) {
    const index = new Map();
    def.fields.forEach((f, i) => index.set(f.wire, i));
    const slots = def.fields.map(() => ABSENT);
    const seen = def.fields.map(() => null);
    const repeats = [];
    const unknown = [];
    for (const [key, n] of node.entries) {
      const i = index.get(key);
      if (i === undefined) {
        skipped(n);
        for (const e of unknown) if (e.key === key && !e.dup) e.dup = true;
        unknown.push({ key, node: n, dup: false });
        continue;
      }
      if (seen[i] !== null) {
        // Listed attributes sent again, in spec order, and in the order received for one.
        let at = 0;
        while (at < repeats.length && repeats[at].index <= i) at++;
        repeats.splice(at, 0, { index: i, key, node: seen[i] });
      }
      seen[i] = n;
      slots[i] = n.k === "null" ? NULL : read(n, def.fields[i].ty);
    }
    return { def, slots, repeats, unknown, slot: (wire) => (index.has(wire) ? slots[index.get(wire)] : undefined) };
  }

  // Equality as the docs mean it: an id 132 equals "132".
  function same(a, b) {
    if ("s" in a && "i" in b) return canonical(a.s) === b.i;
    if ("i" in a && "s" in b) return canonical(b.s) === a.i;
    if ("i" in a && "f" in b) return Number(a.i) === b.f;
    if ("f" in a && "i" in b) return Number(b.i) === a.f;
    if ("s" in a && "s" in b) return a.s === b.s;
    if ("i" in a && "i" in b) return a.i === b.i;
    if ("f" in a && "f" in b) return a.f === b.f;
    if ("b" in a && "b" in b) return a.b === b.b;
    return false;
  }

  // The integer a string is exactly the text of: "132", not "0132", "+1" or "-0".
  function canonical(t) {
    if (!/^-?(?:0|[1-9][0-9]*)$/.test(t) || t === "-0") return null;
    const b = BigInt(t);
    return b >= I64_MIN && b <= I64_MAX ? b : null;
  }

  function showScalar(s) {
    if ("s" in s) return debugStr(s.s);
    if ("i" in s) return String(s.i);
    if ("f" in s) return displayF64(s.f);
    return String(s.b);
  }

  function list(scalars) {
    const parts = scalars.map(showScalar);
    if (parts.length <= 1) return parts.join("");
    return `${parts.slice(0, -1).join(", ")} or ${parts[parts.length - 1]}`;
  }

  function join(items) {
    if (items.length === 0) return "nothing";
    if (items.length === 1) return items[0];
    return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
  }

  // The validation walk: where it is and what it found. Like the Rust report, it keeps the
  // first KEPT violations and counts the rest, so a payload of half a million wrong items
  // costs what its first few thousand do.
  class Walk {
    constructor(strict) {
      this.strict = strict;
      this.path = [];
      this.out = [];
      this.omitted = 0;
      this.nullOk = [];
    }
    pointer() {
      return this.path.map((s) => "/" + (typeof s === "number" ? String(s) : s.replace(/~/g, "~0").replace(/\//g, "~1"))).join("");
    }
    report(kind, expected, found, message, rule) {
      if (this.out.length >= KEPT) {
        this.omitted++;
        return;
      }
      const v = { pointer: this.pointer(), kind, message, expected, found };
      if (rule !== undefined) v.rule = rule;
      this.out.push(v);
    }
    at(key, f) {
      this.path.push(key);
      f();
      this.path.pop();
    }
    rule(rule, expected, found) {
      this.report("rule", expected, found, `rule ${rule.id}: ${rule.description} (expected ${expected}, found ${found})`, rule.id);
    }
    mismatch(ty, raw) {
      const expected = expectedOf(ty);
      const found = describe(raw);
      if (ty === "timestamp" && raw.k === "str") {
        try {
          parseTimestampStr(raw.v);
        } catch (e) {
          if (e instanceof TimestampError) return this.report("format", "a timestamp like 2022-06-09T02:18:41Z", found, e.message);
          throw e;
        }
        return this.report("format", expected, found, `expected ${expected}, found ${found}`);
      }
      let kind = "type";
      if (typeof ty === "object" && "type" in ty && types[ty.type].enum) {
        const right = types[ty.type].enum.int ? raw.k === "num" : raw.k === "str";
        if (right) kind = "enum";
      }
      this.report(kind, expected, found, `expected ${expected}, found ${found}`);
    }
    // Whether a `null` rule in force allows null for attribute `wire` here.
    nullAllowed(wire) {
      if (this.nullOk.length === 0 || this.path[0] !== "data") return false;
      const have = this.path
        .slice(1)
        .map((s) => (typeof s === "number" ? null : s))
        .concat([wire]);
      return this.nullOk.some((p) => {
        const segs = segments(p);
        return segs.length === have.length && segs.every((s, k) => s === have[k]);
      });
    }
    field(slot, f) {
      if (slot.st === "value") {
        if (checks(f.ty)) this.at(f.wire, () => this.value(slot, f.ty, f));
        return;
      }
      const presence = this.strict ? f.strict : f.lenient;
      const expected = expectedOf(f.ty);
      if (slot.st === "absent" && !presence.optional) {
        this.at(f.wire, () => this.report("missing", expected, "nothing", `required attribute "${f.wire}" is missing`));
      } else if (slot.st === "null" && !presence.nullable && !this.nullAllowed(f.wire)) {
        this.at(f.wire, () => this.report("null", expected, "null", `expected ${expected}, found null`));
      } else if (slot.st === "invalid") {
        this.at(f.wire, () => this.mismatch(f.ty, slot.raw));
      }
    }
    // What is wrong inside a value of the type; `f` is the attribute that holds it.
    value(slot, ty, f) {
      if (typeof ty === "string") {
        if (ty === "id" && this.strict) {
          const s = slot.scalar;
          if (f.id === "integer" && "s" in s) {
            this.report("type", "an integer", `string ${debugStr(s.s)}`, `documented as an integer, found string ${debugStr(s.s)}`);
          } else if (f.id === "string" && "i" in s) {
            this.report("type", "a string", `integer ${s.i}`, `documented as a string, found integer ${s.i}`);
          }
        } else if (ty === "timestamp" && this.strict) {
          const t = slot.ts;
          const shown = showTimestamp(t);
          if (f.utc && t.offset !== 0) {
            this.report("format", "a timestamp in UTC", shown, `timestamp ${shown} is not in UTC; the docs give it in the UTC format`);
          }
          if (f.forms.length > 0 && !f.forms.includes(t.format)) {
            const expected = f.forms.map((x) => FORMS[x]).join(" or ");
            this.report("format", `a timestamp like ${expected}`, shown, `timestamp ${shown} is in the ${t.format} form; the docs give ${expected}`);
          }
        }
        return;
      }
      if ("array" in ty) {
        slot.items.forEach((item, i) =>
          this.at(i, () => {
            if (item.st === "value") this.value(item, ty.array, f);
            else if (item.st === "invalid") this.mismatch(ty.array, item.raw);
            else if (item.st === "null") {
              const e = expectedOf(ty.array);
              this.report("null", e, "null", `expected ${e}, found a null item`);
            }
          }),
        );
        return;
      }
      if ("map" in ty) {
        for (const [key, item] of slot.map) {
          this.at(key, () => {
            if (item.st === "value") this.value(item, ty.map, f);
            else if (item.st === "invalid") this.mismatch(ty.map, item.raw);
            else if (item.st === "null" && this.strict) {
              const e = expectedOf(ty.map);
              this.report("null", e, "null", `expected ${e}, found null`);
            }
          });
        }
        const seen = new Set();
        for (const [key] of slot.map) {
          if (seen.has(key)) {
            this.at(key, () => this.report("duplicate_key", "each key once", "a repeated key", `key "${key}" is sent more than once`));
          }
          seen.add(key);
        }
        return;
      }
      if ("change" in ty) return;
      const def = types[ty.type];
      if (def.enum) {
        if (def.enum.open && !def.enum.documented && slot.other && this.strict) {
          const found = showScalar(slot.scalar);
          this.report("enum", def.enum.expected, found, `expected ${def.enum.expected}, found undocumented value ${found}`);
        }
        return;
      }
      this.object(slot.obj);
    }
    object(o) {
      o.def.fields.forEach((f, i) => this.field(o.slots[i], f));
      const duplicates = o.repeats.map((r) => r.key).concat(o.unknown.filter((e) => e.dup).map((e) => e.key));
      for (const key of duplicates) {
        this.at(key, () =>
          this.report(
            "duplicate_key",
            "each key once",
            "a repeated key",
            `key "${key}" is sent more than once; the last value is read, as JSON parsers do`,
          ),
        );
      }
      if (!this.strict) return;
      for (const e of o.unknown) {
        if (e.dup) continue;
        this.at(e.key, () => this.report("unknown_field", "no such attribute", describe(e.node), `attribute "${e.key}" is not in the documentation`));
      }
    }
  }

  // A rule path's names, with null after a name whose array's items it goes into.
  function segments(path) {
    const out = [];
    for (const step of path) {
      if (step.endsWith("[]")) out.push(step.slice(0, -2), null);
      else out.push(step);
    }
    return out;
  }

  const firstStep = (step) => (step.endsWith("[]") ? [step.slice(0, -2), true] : [step, false]);

  // The one slot a path leads to (through objects only).
  function leaf(obj, path) {
    if (path.length === 0) return undefined;
    const [name] = firstStep(path[0]);
    const slot = obj.slot(name);
    if (slot === undefined) return undefined;
    if (path.length === 1) return slot;
    return slot.st === "value" && slot.obj ? leaf(slot.obj, path.slice(1)) : undefined;
  }

  // A value as read, described as the Rust models describe it: its number as the type holds
  // it (an id sent as -0 is the integer 0).
  function describeValue(slot) {
    const n = slot.scalar !== undefined ? slot.scalar : slot.ts !== undefined && !("text" in slot.ts.repr) ? slot.ts.repr : null;
    if (n !== null && ("i" in n || "int" in n)) return `integer ${"i" in n ? n.i : n.int}`;
    if (n !== null && ("f" in n || "float" in n)) return `number ${ryuF64("f" in n ? n.f : n.float)}`;
    return describe(slot.node);
  }

  const scalarOf = (slot) => (slot !== undefined && slot.st === "value" && slot.scalar !== undefined ? slot.scalar : null);
  const timestampOf = (slot) => (slot !== undefined && slot.st === "value" && slot.ts !== undefined ? slot.ts : null);

  // Calls `f` on every slot the path reaches, with the walk at that slot.
  function each(obj, path, walk, f) {
    if (path.length === 0) return;
    const [name, all] = firstStep(path[0]);
    const rest = path.slice(1);
    const slot = obj.slot(name);
    if (slot === undefined) return;
    walk.at(name, () => {
      if (all) {
        if (slot.st === "value" && slot.items) {
          slot.items.forEach((item, i) =>
            walk.at(i, () => {
              if (rest.length === 0) f(item);
              else if (item.st === "value" && item.obj) each(item.obj, rest, walk, f);
            }),
          );
        }
      } else if (rest.length === 0) {
        f(slot);
      } else if (slot.st === "value" && slot.obj) {
        each(slot.obj, rest, walk, f);
      }
    });
  }

  function applies(rule, data) {
    if (!rule.when) return true;
    const value = scalarOf(leaf(data, rule.when.path));
    if (value === null) return false;
    if (rule.when.in) return rule.when.in.some((l) => same(lit(l), value));
    return !rule.when.not_in.some((l) => same(lit(l), value));
  }

  const inForce = (rule, data, strict) => (!rule.strict_only || strict) && applies(rule, data);

  function checkRules(data, rules, walk) {
    walk.at("data", () => {
      for (const rule of rules) {
        if (!inForce(rule, data, walk.strict)) continue;
        const c = rule.check;
        if (c.null) {
          for (const path of c.null) {
            each(data, path, walk, (slot) => {
              if (slot.st !== "absent" && slot.st !== "null") walk.rule(rule, "null", slot.st === "invalid" ? describe(slot.raw) : describeValue(slot));
            });
          }
        } else if (c.one_of) {
          const [path, lits] = c.one_of;
          each(data, path, walk, (slot) => {
            const v = scalarOf(slot);
            if (v !== null && !lits.some((l) => same(lit(l), v))) walk.rule(rule, list(lits.map(lit)), showScalar(v));
          });
        } else if (c.same) {
          const [a, b] = c.same;
          const other = scalarOf(leaf(data, b));
          each(data, a, walk, (slot) => {
            const x = scalarOf(slot);
            if (x !== null && other !== null && !same(x, other)) walk.rule(rule, `the same as ${b.join(".")} (${showScalar(other)})`, showScalar(x));
          });
        } else if (c.not_after) {
          const [a, b] = c.not_after;
          const later = timestampOf(leaf(data, b));
          each(data, a, walk, (slot) => {
            const x = timestampOf(slot);
            if (x !== null && later !== null && x.nanos > later.nanos) {
              walk.rule(rule, `no later than ${b.join(".")} (${showTimestamp(later)})`, showTimestamp(x));
            }
          });
        } else if (c.keys_of) {
          const [path, names] = c.keys_of;
          each(data, path, walk, (slot) => {
            if (slot.st !== "value" || !slot.map) return;
            for (const [key] of slot.map) {
              if (!names.includes(key)) walk.at(key, () => walk.rule(rule, `one of ${names.join(", ")}`, debugStr(key)));
            }
          });
        }
      }
    });
  }

  function nullAllowed(data, rules, strict) {
    const out = [];
    for (const rule of rules) if (rule.check.null && inForce(rule, data, strict)) out.push(...rule.check.null);
    return out;
  }

  // The product whose domain `domain` is or ends in (after a dot), ignoring ASCII case and
  // trailing dots.
  function productOfDomain(domain) {
    const d = domain.replace(/\.+$/, "").replace(/[A-Z]/g, (c) => c.toLowerCase());
    return spec.products.find((p) =>
      p.domains.some((suffix) => {
        const cut = d.length - suffix.length;
        return cut >= 0 && d.slice(cut) === suffix && (cut === 0 || d[cut - 1] === ".");
      }),
    );
  }

  const title = (key) => (spec.products.find((p) => p.key === key) || { title: "an unknown product" }).title;

  // Which event the envelope names: its index, or the message the command line gives.
  function identify(event, domain) {
    if (event === null) return { message: 'the payload has no "event" name; name the event explicitly' };
    const product = domain === null ? undefined : productOfDomain(domain);
    if (product !== undefined) {
      const i = spec.events.findIndex((e) => e.product === product.key && e.name === event);
      if (i >= 0) return { index: i };
      const covered = spec.events.filter((e) => e.product === product.key).map((e) => e.name);
      return { message: `${product.title} event "${event}" is not in the spec; for ${product.title} the spec covers ${join(covered)}` };
    }
    const candidates = [];
    spec.events.forEach((e, i) => e.name === event && candidates.push(i));
    if (candidates.length === 1) return { index: candidates[0] };
    if (candidates.length === 0) return { message: `unknown event "${event}": the spec covers ${join(eventNames)}` };
    return { message: `event "${event}" exists in ${join(candidates.map((i) => title(spec.events[i].product)))}; name it as product/event` };
  }

  /** The index of an event by `product/event`, or by `event` when one product has it. */
  function find(name) {
    const slash = name.indexOf("/");
    const matches = [];
    spec.events.forEach((e, i) => {
      if (slash >= 0 ? `${e.product}/${e.name}` === name : e.name === name) matches.push(i);
    });
    if (matches.length === 1) return matches[0];
    if (matches.length === 0) throw new TypeError(`no event "${name}" in the spec; known: ${join(eventNames)}`);
    throw new TypeError(`event "${name}" exists in ${join(matches.map((i) => title(spec.events[i].product)))}; name it as product/event`);
  }

  // The payload as JSON nodes: text is read as sent (exact), anything else as JSON.stringify
  // would send it.
  function nodesOf(payload) {
    let text;
    if (typeof payload === "string") {
      text = payload;
    } else if (payload instanceof Uint8Array) {
      try {
        text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(payload);
      } catch {
        throw invalidUtf8(payload);
      }
    } else {
      try {
        text = JSON.stringify(payload);
      } catch (e) {
        throw new Unreadable("json", `the payload cannot be written as JSON: ${String(e.message).split("\n")[0]}`);
      }
      if (text === undefined) throw new Unreadable("json", "a payload is a JSON object, found nothing");
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    source = text;
    return parseJson(text);
  }

  const failure = (kind, message) => ({ valid: false, event: null, errors: [{ pointer: "", kind, message }], omitted: 0 });

  /**
   * Every violation of the spec in a payload, as the Rust validator reports them.
   * `payload`: JSON text (a string, Buffer or Uint8Array: read exactly as sent) or a value.
   */
  function validate(payload, options = {}) {
    const strict = options.strict === true;
    const forced = options.event === undefined ? null : find(options.event);
    try {
      return check(payload, strict, forced);
    } catch (e) {
      if (e instanceof Unreadable) return failure(e.kind, e.message);
      throw e;
    }
  }

  // Whether the Rust reader finds the event from the attributes before `data` and reads the
  // payload in one pass; otherwise it skips `data` first (with the skip's nesting limit).
  function earlyIdentity(root) {
    let event = null;
    let domain = null;
    for (const [k, n] of root.entries) {
      if (k === "data") {
        const found = identify(event, domain);
        return found.index === undefined ? null : found.index;
      }
      if ((k === "event" || k === "domain") && n.k !== "str") return null;
      if (k === "event") event = n.v;
      if (k === "domain") domain = n.v;
    }
    return null;
  }

  function check(payload, strict, forced) {
    const root = nodesOf(payload);
    if (root.k !== "obj") {
      checkSkip(source, root);
      return failure("json", `a payload is a JSON object, found ${describe(root)}`);
    }
    // The envelope as read (its last `event` and `domain`) decides the event.
    let event = null;
    let domain = null;
    for (const [k, n] of root.entries) {
      if (k === "event") event = n.k === "str" ? n.v : null;
      if (k === "domain") domain = n.k === "str" ? n.v : null;
    }
    const found = forced !== null ? { index: forced } : identify(event, domain);
    if (forced === null && (earlyIdentity(root) === null || earlyIdentity(root) !== found.index)) {
      // The envelope is read first, `data` skipped, and the event found from what it held:
      // a value nested past the reader's limits stops it before the event is looked for.
      const envelope = types[spec.events[0].payload].fields;
      for (const [k, n] of root.entries) {
        const f = envelope.find((x) => x.wire === k);
        if (f === undefined || k === "data") {
          if (n.k !== "null") checkSkip(source, n);
        } else if (n.k !== "null") {
          read(n, f.ty);
        }
      }
    }
    if (found.index === undefined) return failure("event", found.message);
    const index = found.index;
    const info = spec.events[index];
    const envelope = readObject(root, types[info.payload]);
    const walk = new Walk(strict);
    const data = envelope.slot("data");
    const dataObj = data !== undefined && data.st === "value" && data.obj ? data.obj : null;
    if (dataObj !== null) walk.nullOk = nullAllowed(dataObj, info.rules, strict);
    walk.object(envelope);
    const name = envelope.slot("event");
    if (name !== undefined && name.st === "value" && name.scalar.s !== info.name) {
      const rule = { id: "event-name", description: "The envelope names this event." };
      walk.at("event", () => walk.rule(rule, debugStr(info.name), debugStr(name.scalar.s)));
    }
    if (dataObj !== null) checkRules(dataObj, info.rules, walk);
    return { valid: walk.out.length === 0 && walk.omitted === 0, event: eventNames[index], errors: walk.out, omitted: walk.omitted };
  }

  /**
   * Whether `payload` is a valid payload of the event `name` (`event` or `product/event`) in
   * the reading `options.strict` names: a type guard, so that a payload read with require()
   * or JSON.parse gets its event's type.
   */
  function isEvent(payload, name, options = {}) {
    const wanted = find(name);
    const result = validate(payload, { strict: options.strict === true });
    return result.valid && result.event === eventNames[wanted];
  }

  return { validate, isEvent, events: Object.freeze(eventNames.slice()), version: spec.version };
}

module.exports = { create };
