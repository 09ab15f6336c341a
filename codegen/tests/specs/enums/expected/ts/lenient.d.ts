// @generated from spec/ by `cargo run -q --bin fwevents -- generate`. Do not edit by hand.

// The lenient reading: what real payloads do: ids in either form, every timestamp form, null for unset values, attributes left out, unknown values of open enums.

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
       * Strict reading: required, not null.
       */
      closed?: Closed | null;
      /**
       * An open enum, the default; its values are not all Rust names.
       *
       * Strict reading: required, not null.
       */
      open?: Open | null;
      /**
       * A status, or the name of the custom status set by the agent.
       *
       * Strict reading: required, not null.
       */
      status?: Status | null;
      /**
       * An open integer enum.
       *
       * Strict reading: required, not null.
       */
      level?: Level | null;
      /**
       *
       * Strict reading: required, not null.
       */
      priority?: Priority | null;
      /**
       * The channel.
       *
       * Strict reading: required, not null.
       */
      channel?: Types.Channel | null;
      /**
       * Every channel used.
       *
       * Strict reading: required, not null.
       */
      channels?: Types.Channel[] | null;
      /**
       * An enum declared inside an array.
       *
       * Strict reading: required, not null.
       */
      tags?: Tag[] | null;
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
     * Open: other values are read too, and kept.
     */
    export type Open = "new" | "open-ish" | "2fa" | "Done" | (string & {});

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
     * Open: other values are read too, and kept.
     */
    export type Level = 0 | 10 | (number & {});

    /**
     * - `"red"`
     * - `"green"`
     *
     * Open: other values are read too, and kept.
     */
    export type Tag = "red" | "green" | (string & {});

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
