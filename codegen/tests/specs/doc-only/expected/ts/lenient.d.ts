// @generated from spec/ by `cargo run -q --bin fwevents -- generate`. Do not edit by hand.

// The lenient reading: what real payloads do: ids in either form, every timestamp form, null for unset values, attributes left out, unknown values of open enums.

import type * as Wire from "./wire.js";

/** Types that more than one event uses. */
export namespace Types {
  /** Who did it. */
  export interface Actor {
    /**
     *
     * Strict reading: required, not null.
     */
    id?: string | null;
    /**
     * Where the actor came from.
     *
     * Strict reading: required, not null.
     */
    source?: string | null;
  }
}

/** Acme events. */
export namespace Acme {
  /** Every Acme event in the spec. */
  export type AnyEvent = OnOther.Payload | OnThing.Payload;

  /**
   * Another thing happened.
   *
   * Raised by Acme; `event` is `"onOther"`.
   */
  export namespace OnOther {
    /** A whole onOther payload: the envelope and its `data`. */
    export interface Payload {
      event: "onOther";
      data: Data;
    }

    /** Another thing happened. */
    export interface Data {
      /**
       *
       * Strict reading: required, not null.
       */
      actor?: Actor | null;
    }

    /**
     * Who did it.
     *
     * This event's reading of the shared type: only the attributes its page lists.
     */
    export interface Actor {
      /**
       *
       * Strict reading: required, not null.
       */
      id?: string | null;
    }
  }

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
      actor?: Types.Actor | null;
    }
  }
}

/** Every event of the spec, discriminated by `event`. */
export type AnyEvent =
  | Acme.OnOther.Payload
  | Acme.OnThing.Payload;

/** The name of every event in the spec, as the envelope's `event` gives it. */
export type EventName = AnyEvent["event"];

/** The payloads of the events named `N` (several when products share the name). */
export type EventOf<N extends EventName> = Extract<AnyEvent, { event: N }>;

/** Every event by `product/event`, the name the command line uses; the key to narrow on `domain`. */
export interface ByQualifiedName {
  "acme/onOther": Acme.OnOther.Payload;
  "acme/onThing": Acme.OnThing.Payload;
}
