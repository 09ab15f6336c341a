// @generated from spec/ by `cargo run -q --bin fwevents -- generate`. Do not edit by hand.

// The lenient reading: what real payloads do: ids in either form, every timestamp form, null for unset values, attributes left out, unknown values of open enums.

import type * as Wire from "./wire.js";

/** Types that more than one event uses. */
export namespace Types {
}

/** Acme events. */
export namespace Acme {
  /** Every Acme event in the spec. */
  export type AnyEvent = OnThing.Payload;

  /**
   * A thing happened. *\/ not the end
   *
   * Raised by Acme; `event` is `"onThing"`.
   */
  export namespace OnThing {
    /** A whole onThing payload: the envelope and its `data`. */
    export interface Payload {
      event: "onThing";
      data: Data;
    }

    /** A thing happened. *\/ not the end */
    export interface Data {
      /**
       * The id.
       *
       * An id, documented as an integer; read in either form.
       *
       * Strict reading: required, not null.
       */
      id?: Wire.Id | null;
      /**
       * Tags.
       *
       * Strict reading: required, not null.
       */
      tags?: Tag[] | null;
      /**
       * The level.
       *
       * Strict reading: required, not null.
       */
      level?: Level | null;
      /**
       * When.
       *
       * Timestamp in any form; documented as EpochMillisString.
       *
       * Strict reading: required, not null.
       */
      when?: Wire.Timestamp | null;
      /** A note. */
      note?: string | null;
      /**
       * A header-like name.
       *
       * Strict reading: required, not null.
       */
      "x-trace"?: string | null;
      /**
       * Changes.
       *
       * Strict reading: required, not null.
       */
      changes?: { [key: string]: [new: unknown, old: unknown] | null } | null;
    }

    /**
     * - `"red"`
     * - `"green"`
     *
     * Open: other values are read too, and kept.
     */
    export type Tag = "red" | "green" | (string & {});

    /**
     * - `0` (Low)
     * - `1` (High)
     */
    export type Level = 0 | 1;
  }
}

/** Every event of the spec, discriminated by `event`. */
export type AnyEvent =
  | Acme.OnThing.Payload;

/** The name of every event in the spec, as the envelope's `event` gives it. */
export type EventName = AnyEvent["event"];

/** The payloads of the events named `N` (several when products share the name). */
export type EventOf<N extends EventName> = Extract<AnyEvent, { event: N }>;

/** Every event by `product/event`, the name the command line uses; the key to narrow on `domain`. */
export interface ByQualifiedName {
  "acme/onThing": Acme.OnThing.Payload;
}
