// @generated from spec/ by `cargo run -q --bin fwevents -- generate`. Do not edit by hand.

// The wire forms of timestamps and ids. Timestamps are typed by the forms the spec gives
// them; a form's name says how to read it.

/** ISO 8601 date and time text, e.g. `"2022-07-29T06:23:03.081Z"`. */
export type Iso8601 = string;

/** Date and time text ending in UTC, e.g. `"2022-08-29 18:45:26 UTC"`. */
export type UtcText = `${string} UTC`;

/** Integer milliseconds since the Unix epoch, e.g. `1564592339214`. */
export type EpochMillis = number;

/** Seconds since the Unix epoch, possibly with a fraction, e.g. `1661846750.123`. */
export type EpochSeconds = number;

/** Milliseconds since the Unix epoch as a numeric string, e.g. `"1724133753887"`. */
export type EpochMillisString = `${number}`;

/** A timestamp in any of the forms real payloads use (the lenient reading). */
export type Timestamp = Iso8601 | UtcText | EpochMillis | EpochSeconds | EpochMillisString;

/** An id as real payloads send it: a string or an integer, whatever the docs say. */
export type Id = string | number;
