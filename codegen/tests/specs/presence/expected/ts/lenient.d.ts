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
      /**
       * When the platform sent it.
       *
       * Timestamp in any form; documented as EpochMillis.
       */
      timestamp: Wire.Timestamp;
    }

    /** A thing happened. */
    export interface Data {
      /** The defaults. */
      plain: string;
      nullable: string | null;
      optional?: string;
      either?: string | null;
      strict_lenient: string;
      inner: Inner;
    }

    /** `data.inner` in the spec. */
    export interface Inner {
      /**
       * Tolerant in lenient again.
       *
       * Strict reading: required, not null.
       */
      kept?: string | null;
      required: string;
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
