// @generated from spec/ by `cargo run -q --bin fwevents -- generate`. Do not edit by hand.

// The strict reading: the documentation to the letter.

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
       * Lenient reading: may be absent, may be null.
       */
      type: string;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      self: Me;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      match: number;
      /**
       * A header-like name.
       *
       * Lenient reading: may be absent, may be null.
       */
      "x-trace": string;
      /**
       * A camelCase name.
       *
       * Lenient reading: may be absent, may be null.
       */
      displayName: string;
      /**
       * A name that starts with a digit.
       *
       * Lenient reading: may be absent, may be null.
       */
      "2nd": string;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      async: boolean;
    }

    /** `data.self` in the spec. */
    export interface Me {
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      x: string;
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
