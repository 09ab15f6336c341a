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
   * The page documents it in two sections.
   *
   * Raised by Acme; `event` is `"onThing"`.
   */
  export namespace OnThing {
    /** A whole onThing payload: the envelope and its `data`. */
    export interface Payload {
      event: "onThing";
      data: Data;
    }

    /**
     * A thing happened.
     *
     * The page documents it in two sections.
     */
    export interface Data {
      /**
       * Where the actor is reached.
       *
       * Lenient reading: may be absent, may be null.
       */
      email: string;
      /**
       * A phone number.
       *
       * Lenient reading: may be absent, may be null.
       */
      phone: string;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      avatar_url: string;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      time_zone: string;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      language: string;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      login_count: number;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      is_admin: boolean;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      score: number;
      /**
       *
       * Where the docs differ: The page lists "ON" too; payloads never send it.
       *
       * Lenient reading: may be absent, may be null.
       */
      mode: Mode;
      /**
       *
       * The page lists it in both sections.
       *
       * Same meaning in both.
       *
       * Lenient reading: may be absent, may be null.
       */
      repeated: string;
    }

    /**
     * - `"on"`
     * - `"off"`
     */
    export type Mode = "on" | "off";
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
