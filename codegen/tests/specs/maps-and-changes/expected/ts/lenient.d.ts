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
   * A thing changed.
   *
   * Raised by Acme; `event` is `"onThing"`.
   */
  export namespace OnThing {
    /** A whole onThing payload: the envelope and its `data`. */
    export interface Payload {
      event: "onThing";
      data: Data;
    }

    /** A thing changed. */
    export interface Data {
      /**
       * Labels by key.
       *
       * Strict reading: required, not null.
       */
      labels?: { [key: string]: string | null } | null;
      /**
       *
       * Strict reading: required, not null.
       */
      counts?: { [key: string]: number | null } | null;
      /**
       * People by id.
       *
       * Strict reading: required, not null.
       */
      people?: { [key: string]: Person | null } | null;
      /**
       * What changed, old value first.
       *
       * Strict reading: required, not null.
       */
      changes?: { [key: string]: [old: unknown, new: unknown] | null } | null;
      /**
       * What changed, new value first.
       *
       * Strict reading: required, not null.
       */
      reversed?: { [key: string]: [new: unknown, old: unknown] | null } | null;
      /**
       * One change pair.
       *
       * Strict reading: required, not null.
       */
      status?: [old: unknown, new: unknown] | null;
      /**
       * Anything at all.
       *
       * Strict reading: required, not null.
       */
      extra?: unknown | null;
      /**
       *
       * Strict reading: required, not null.
       */
      lists?: { [key: string]: string[] | null } | null;
    }

    /** `data.people{}` in the spec. */
    export interface Person {
      /**
       *
       * Strict reading: required, not null.
       */
      name?: string | null;
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
