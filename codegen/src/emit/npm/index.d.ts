// The declarations of the freshworks-events package: the payload types of both readings
// (generated from the spec) and the validator.

import type * as Lenient from "./types/lenient.js";
import type * as Strict from "./types/strict.js";

export * from "./types/index.js";

/** What kind of rule a violation breaks; `json` and `event` when the payload could not be read as an event. */
export type ErrorKind =
  | "type"
  | "missing"
  | "null"
  | "enum"
  | "format"
  | "rule"
  | "unknown_field"
  | "duplicate_key"
  | "unknown_event"
  | "json"
  | "event";

/** One thing wrong with a payload, as the Rust validator reports it. */
export interface ValidationError {
  /** JSON Pointer (RFC 6901) from the payload root, e.g. `/data/actor/type`; `""` for the whole payload. */
  pointer: string;
  kind: ErrorKind;
  /** The problem in one sentence. */
  message: string;
  /** What the spec wants there, e.g. `a string` (not on `json` and `event` errors). */
  expected?: string;
  /** What is there instead (not on `json` and `event` errors). */
  found?: string;
  /** The spec rule broken, for `rule` errors. */
  rule?: string;
}

export interface ValidationResult {
  /** Whether the payload is an event of the spec with nothing wrong. */
  valid: boolean;
  /** The event, as `product/event`; null when the payload names none of the spec. */
  event: keyof Lenient.ByQualifiedName | null;
  /** The violations, in the order the Rust validator reports them: the first 10,000. */
  errors: ValidationError[];
  /** The violations found past the first 10,000: counted, not listed (as the Rust report counts them). */
  omitted: number;
}

export interface ValidateOptions {
  /** Hold the payload to the documentation to the letter (default: the lenient reading of real payloads). */
  strict?: boolean;
  /** The event (`product/event` or `event`), when the envelope does not tell. */
  event?: keyof Lenient.ByQualifiedName | Lenient.EventName;
}

/**
 * Every violation of the spec in a payload. Give the JSON text (a string or Buffer) for
 * exact verdicts: a parsed value has lost repeated keys and whether `5.0` was a float.
 * Throws a TypeError when `options.event` names no event of the spec.
 */
export function validate(payload: unknown, options?: ValidateOptions): ValidationResult;

/**
 * Whether `payload` is a valid payload of the event `name` in the lenient reading (or the
 * strict one, with `{ strict: true }`). A type guard: a payload read with `require()` or
 * `JSON.parse` gets its event's type. Throws a TypeError when `name` is no event of the spec.
 */
export function isEvent<N extends Lenient.EventName>(payload: unknown, name: N, options?: { strict?: false }): payload is Lenient.EventOf<N>;
export function isEvent<N extends Strict.EventName>(payload: unknown, name: N, options: { strict: true }): payload is Strict.EventOf<N>;
export function isEvent<Q extends keyof Lenient.ByQualifiedName>(
  payload: unknown,
  name: Q,
  options?: { strict?: false },
): payload is Lenient.ByQualifiedName[Q];
export function isEvent<Q extends keyof Strict.ByQualifiedName>(
  payload: unknown,
  name: Q,
  options: { strict: true },
): payload is Strict.ByQualifiedName[Q];

/** Every event of the spec, as `product/event`. */
export const events: readonly (keyof Lenient.ByQualifiedName)[];
/** The package's version, which is the models crate's. */
export const version: string;
