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

    /** A thing happened. */
    export interface Data {
      /**
       *
       * Strict reading: required, not null.
       */
      kind?: Kind | null;
      /**
       *
       * Strict reading: required, not null.
       */
      actor?: Actor | null;
      /**
       *
       * An id, documented as a string; read in either form.
       *
       * Strict reading: required, not null.
       *
       * Strict reading: null only in onThing: when kind is one of "bot", "system" (rule bots-have-no-owner).
       */
      owner_id?: Wire.Id | null;
      /**
       *
       * Strict reading: required, not null.
       */
      count?: number | null;
      /**
       *
       * Strict reading: required, not null.
       */
      ratio?: number | null;
      /**
       *
       * Strict reading: required, not null.
       */
      done?: boolean | null;
      /**
       *
       * Timestamp in any form; documented as Iso8601 or UtcText.
       *
       * Strict reading: required, not null.
       */
      started?: Wire.Timestamp | null;
      /**
       *
       * Timestamp in any form; documented as Iso8601 or UtcText.
       *
       * Strict reading: required, not null.
       */
      ended?: Wire.Timestamp | null;
      /**
       *
       * Strict reading: required, not null.
       */
      changes?: { [key: string]: [old: unknown, new: unknown] | null } | null;
      /**
       *
       * Strict reading: required, not null.
       */
      status?: Status | null;
    }

    /**
     * - `"user"`
     * - `"system"`
     * - `"bot"`
     *
     * Open: other values are read too, and kept.
     */
    export type Kind = "user" | "system" | "bot" | (string & {});

    /** `data.actor` in the spec. */
    export interface Actor {
      /**
       *
       * An id, documented as an integer; read in either form.
       *
       * Strict reading: required, not null.
       */
      id?: Wire.Id | null;
      /**
       *
       * Strict reading: required, not null.
       *
       * Strict reading: null only in onThing: when kind is "system" (rule system-has-no-email).
       */
      email?: string | null;
      /**
       *
       * Strict reading: required, not null.
       */
      profiles?: Profile[] | null;
    }

    /** `data.actor.profiles[]` in the spec. */
    export interface Profile {
      /**
       *
       * Strict reading: required, not null.
       *
       * Strict reading: null only in onThing: when kind is "system" (rule system-has-no-email).
       */
      type?: string | null;
    }

    /** `data.status` in the spec. */
    export interface Status {
      /**
       *
       * Strict reading: required, not null.
       */
      name?: string | null;
      /**
       *
       * Strict reading: required, not null.
       */
      code?: number | null;
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
