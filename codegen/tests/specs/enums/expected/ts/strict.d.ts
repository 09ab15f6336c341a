// @generated from spec/ by `cargo run -q --bin fwevents -- generate`. Do not edit by hand.

// The strict reading: the documentation to the letter.

import type * as Wire from "./wire.js";

/** Types that more than one event uses. */
export namespace Types {
  /**
   * Where a message came from.
   *
   * - `"email"`: An email.
   * - `"phone"`: A call.
   */
  export type Channel = "email" | "phone";
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
       * A closed enum.
       *
       * Lenient reading: may be absent, may be null.
       */
      closed: Closed;
      /**
       * An open enum, the default; its values are not all Rust names.
       *
       * Lenient reading: may be absent, may be null.
       */
      open: Open;
      /**
       * A status, or the name of the custom status set by the agent.
       *
       * Lenient reading: may be absent, may be null.
       */
      status: Status;
      /**
       * An open integer enum.
       *
       * Lenient reading: may be absent, may be null.
       */
      level: Level;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      priority: Priority;
      /**
       * The channel.
       *
       * Lenient reading: may be absent, may be null.
       */
      channel: Types.Channel;
      /**
       * Every channel used.
       *
       * Lenient reading: may be absent, may be null.
       */
      channels: Types.Channel[];
      /**
       * An enum declared inside an array.
       *
       * Lenient reading: may be absent, may be null.
       */
      tags: Tag[];
    }

    /**
     * A closed enum.
     *
     * - `"on"`
     * - `"off"`
     */
    export type Closed = "on" | "off";

    /**
     * An open enum, the default; its values are not all Rust names.
     *
     * - `"new"`
     * - `"open-ish"`
     * - `"2fa"`
     * - `"Done"`
     *
     * Open in the lenient reading; the strict one allows only the listed values.
     */
    export type Open = "new" | "open-ish" | "2fa" | "Done";

    /**
     * A status, or the name of the custom status set by the agent.
     *
     * - `"available"`
     * - `"away"`
     *
     * Open: the page says other values occur (e.g. custom names); both readings accept them.
     */
    export type Status = "available" | "away" | (string & {});

    /**
     * An open integer enum.
     *
     * - `0` (None)
     * - `10` (High)
     *
     * Open in the lenient reading; the strict one allows only the listed values.
     */
    export type Level = 0 | 10;

    /**
     * - `"red"`
     * - `"green"`
     *
     * Open in the lenient reading; the strict one allows only the listed values.
     */
    export type Tag = "red" | "green";

    /**
     * How urgent the thing is.
     *
     * - `1` (Low)
     * - `2` (Medium): The usual.
     * - `4` (Urgent)
     */
    export type Priority = 1 | 2 | 4;
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
