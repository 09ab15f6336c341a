// The ES module entry: the same engine and spec as the CommonJS one.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const api = require("./index.cjs");

export const { validate, isEvent, events, version } = api;
export default api;
