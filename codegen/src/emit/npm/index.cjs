"use strict";
// The spec as data, read by the package's one engine.
module.exports = require("./engine.cjs").create(require("./spec.json"));
