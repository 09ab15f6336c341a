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
       * Strict reading: required, not null.
       */
      email?: string | null;
      /**
       * A phone number.
       *
       * Strict reading: required, not null.
       */
      phone?: string | null;
      /**
       *
       * Strict reading: required, not null.
       */
      avatar_url?: string | null;
      /**
       *
       * Strict reading: required, not null.
       */
      time_zone?: string | null;
      /**
       *
       * Strict reading: required, not null.
       */
      language?: string | null;
      /**
       *
       * Strict reading: required, not null.
       */
      login_count?: number | null;
      /**
       *
       * Strict reading: required, not null.
       */
      is_admin?: boolean | null;
      /**
       *
       * Strict reading: required, not null.
       */
      score?: number | null;
      /**
       *
       * Where the docs differ: The page lists "ON" too; payloads never send it.
       *
       * Strict reading: required, not null.
       */
      mode?: Mode | null;
      /**
       *
       * The page lists it in both sections.
       *
       * Same meaning in both.
       *
       * Strict reading: required, not null.
       */
      repeated?: string | null;
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
