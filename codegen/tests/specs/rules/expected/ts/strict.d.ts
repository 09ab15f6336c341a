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
   *
   * Rules the validator checks:
   * - `system-has-no-email`: A system actor has no email or profile types.
   * - `bots-have-no-owner`: Bots and systems have no owner.
   * - `users-count`: A user's count is one.
   * - `ratio-is-known`: The ratio is a half or whole.
   * - `done-is-true`: The thing is done.
   * - `actor-owns-it`: The actor is the owner.
   * - `in-order`: It started before it ended.
   * - `changes-name-status`: Changes name attributes of the status. (strict reading only)
   */
  export namespace OnThing {
    /** A whole onThing payload: the envelope and its `data`. */
    export interface Payload {
      event: "onThing";
      data: Data;
    }

    /** The attributes of `Data` as their types give them: an attribute a `null` rule lets be null under a condition is `T | null` here, and `Data` says when it is null. */
    export interface DataBase {
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      kind: Kind;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      actor: Actor;
      /**
       *
       * An id, documented as a string.
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onThing: when kind is one of "bot", "system" (rule bots-have-no-owner).
       */
      owner_id: string | null;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      count: number;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      ratio: number;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      done: boolean;
      /**
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      started: Wire.Iso8601 | Wire.UtcText;
      /**
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      ended: Wire.Iso8601 | Wire.UtcText;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      changes: { [key: string]: [old: unknown, new: unknown] };
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      status: Status;
    }

    /**
     * A thing happened.
     *
     * Strict reading: `DataBase` and, for each set of attributes that `null` rules let be null under a condition, a union of the cases: a rule's condition holds and they are null (the rule requires it), or none holds and they are not:
     * - `actor.email`, `actor.profiles[].type`: null only when kind is "system" (rule `system-has-no-email`).
     * - `owner_id`: null only when kind is one of "bot", "system" (rule `bots-have-no-owner`).
     */
    export type Data = DataBase & (
      | { kind: "system"; actor: { email: null; profiles: { type: null }[] } }
      | { kind: Exclude<Kind, "system">; actor: { email: string; profiles: { type: string }[] } }
    ) & (
      | { kind: "bot" | "system"; owner_id: null }
      | { kind: Exclude<Kind, "bot" | "system">; owner_id: string }
    );

    /**
     * - `"user"`
     * - `"system"`
     * - `"bot"`
     *
     * Open in the lenient reading; the strict one allows only the listed values.
     */
    export type Kind = "user" | "system" | "bot";

    /** `data.actor` in the spec. */
    export interface Actor {
      /**
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      id: number;
      /**
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onThing: when kind is "system" (rule system-has-no-email).
       */
      email: string | null;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      profiles: Profile[];
    }

    /** `data.actor.profiles[]` in the spec. */
    export interface Profile {
      /**
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onThing: when kind is "system" (rule system-has-no-email).
       */
      type: string | null;
    }

    /** `data.status` in the spec. */
    export interface Status {
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      name: string;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      code: number;
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
