// The JSON Schema as other tools read it, for tests/schema_tools.rs.
//
//   node schema-tools.mjs validate PLAN.json   one JSON line per case: {id, valid, errors}
//   node schema-tools.mjs to-ts SCHEMA.json    the TypeScript json-schema-to-typescript makes
//
// PLAN.json: {"schemas": [{"key", "file"}], "cases": [{"id", "schema", "file"}]}; each
// schema is compiled once by ajv (draft 2020-12, strict mode, every error).

import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { compile } from "json-schema-to-typescript";

const [command, arg] = process.argv.slice(2);
const read = (file) => JSON.parse(readFileSync(file, "utf8"));

if (command === "validate") {
  const plan = read(arg);
  // Strict mode turns keywords ajv does not know, and types that contradict each other,
  // into compile errors, so the schema is held to what a careful reader accepts. Type
  // lists (`"type": ["string", "null"]`) are plain draft 2020-12; strict mode asks to allow them.
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  const validators = new Map();
  for (const { key, file } of plan.schemas) {
    validators.set(key, ajv.compile(read(file)));
  }
  for (const { id, schema, file } of plan.cases) {
    const validate = validators.get(schema);
    if (!validate) throw new Error(`no schema ${schema}`);
    const valid = validate(read(file));
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message}`);
    process.stdout.write(JSON.stringify({ id, valid, errors }) + "\n");
  }
} else if (command === "to-ts") {
  const schema = read(arg);
  const ts = await compile(schema, schema.title ?? "Payload", { bannerComment: "", format: false });
  process.stdout.write(ts);
} else {
  process.stderr.write("usage: node schema-tools.mjs validate PLAN.json | to-ts SCHEMA.json\n");
  process.exit(2);
}
