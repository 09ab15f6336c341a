// @generated from spec/ by `cargo run -q --bin fwevents -- generate`. Do not edit by hand.

// The strict reading: the documentation to the letter.

import type * as Wire from "./wire.js";

/** Types that more than one event uses. */
export namespace Types {
  /** `types.Zebra` in the spec. */
  export interface Zebra {
    /**
     *
     * Lenient reading: may be absent, may be null.
     */
    z: string;
  }

  /** `types.Apple` in the spec. */
  export interface Apple {
    /**
     *
     * Lenient reading: may be absent, may be null.
     */
    a: string;
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
       * Lenient reading: may be absent, may be null.
       */
      y: number;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      x: number;
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
       * Lenient reading: may be absent, may be null.
       */
      b: string;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      a: string;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      zebra: Types.Zebra;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      apple: Types.Apple;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      letters: Letters;
    }

    /**
     * - `"z"`
     * - `"y"`
     * - `"x"`
     */
    export type Letters = "z" | "y" | "x";
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
