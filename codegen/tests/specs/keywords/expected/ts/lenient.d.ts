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
   * A thing happened.
   *
   * Raised by Acme; `event` is `"onThing"`.
   */
  export namespace OnThing {
    /** A whole onThing payload: the envelope and its `data`. */
    export interface Payload {
      event: "onThing";
      data: Data;
    }

    /** A thing happened. */
    export interface Data {
      /**
       *
       * Strict reading: required, not null.
       */
      type?: string | null;
      /**
       *
       * Strict reading: required, not null.
       */
      self?: Me | null;
      /**
       *
       * Strict reading: required, not null.
       */
      match?: number | null;
      /**
       * A header-like name.
       *
       * Strict reading: required, not null.
       */
      "x-trace"?: string | null;
      /**
       * A camelCase name.
       *
       * Strict reading: required, not null.
       */
      displayName?: string | null;
      /**
       * A name that starts with a digit.
       *
       * Strict reading: required, not null.
       */
      "2nd"?: string | null;
      /**
       *
       * Strict reading: required, not null.
       */
      async?: boolean | null;
    }

    /** `data.self` in the spec. */
    export interface Me {
      /**
       *
       * Strict reading: required, not null.
       */
      x?: string | null;
    }
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
