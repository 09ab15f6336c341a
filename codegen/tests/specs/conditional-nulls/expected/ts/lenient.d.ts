// @generated from spec/ by `cargo run -q --bin fwevents -- generate`. Do not edit by hand.

// The lenient reading: what real payloads do: ids in either form, every timestamp form, null for unset values, attributes left out, unknown values of open enums.

import type * as Wire from "./wire.js";

/** Types that more than one event uses. */
export namespace Types {
  /** Someone, as both events send them. */
  export interface Person {
    /**
     *
     * Strict reading: required, not null.
     */
    role?: Role | null;
    /**
     *
     * Strict reading: required, not null.
     *
     * Strict reading: null only in onThing: when kind is "system" (rule system-has-no-email).
     */
    email?: string | null;
    /**
     *
     * Strict reading: required, may be null.
     */
    profile?: Profile | null;
    /**
     *
     * Strict reading: required, not null.
     */
    links?: Link[] | null;
  }

  /**
   * - `"admin"`
   * - `"guest"`
   */
  export type Role = "admin" | "guest";

  /** `types.Person.profile` in the spec. */
  export interface Profile {
    /**
     *
     * Strict reading: required, not null.
     *
     * Strict reading: null only in onThing: when kind is "system" (rule system-has-no-email).
     */
    url?: string | null;
  }

  /** `types.Person.links[]` in the spec. */
  export interface Link {
    /**
     *
     * Strict reading: required, not null.
     *
     * Strict reading: null only in onThing: when kind is "system" (rule system-has-no-email).
     */
    href?: string | null;
    /**
     *
     * Strict reading: required, not null.
     *
     * Strict reading: null only in onThing: when mood is "busy" (rule busy-links-have-no-title).
     */
    title?: string | null;
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
      actor?: Types.Person | null;
    }
  }

  /**
   * A thing happened.
   *
   * Raised by Acme; `event` is `"onThing"`.
   *
   * Rules the validator checks:
   * - `system-has-no-email`: A system actor has no email, profile address or links.
   * - `bots-have-no-owner`: Bots and systems have no owner.
   * - `guests-have-no-owner`: Guests have no owner either.
   * - `only-users-have-a-note`: Only a user leaves a note.
   * - `busy-links-have-no-title`: Links of a busy thing have no title.
   * - `unlabelled-has-no-count`: An unlabelled thing has no count.
   * - `unflagged-has-no-ratio`: An unflagged thing has no ratio.
   * - `ref-seven-has-no-size`: Thing 7 has no size.
   * - `key-seven-has-no-hint`: Key 7 has no hint.
   * - `labelled-has-no-hint`: Most labels come without a hint.
   * - `bots-have-no-tags`: A bot's tags are null.
   * - `no-since-when-none`: A thing labelled none has no since.
   * - `notes-are-null`: Notes are dropped.
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
      mood?: Mood | null;
      /**
       *
       * Strict reading: required, not null.
       */
      label?: string | null;
      /**
       *
       * Strict reading: required, not null.
       */
      flag?: boolean | null;
      /**
       *
       * An id, documented as an integer; read in either form.
       *
       * Strict reading: required, not null.
       */
      ref?: Wire.Id | null;
      /**
       *
       * An id, documented as a string; read in either form.
       *
       * Strict reading: required, not null.
       */
      key?: Wire.Id | null;
      /**
       *
       * Strict reading: may be absent, not null.
       */
      actor?: Types.Person | null;
      /**
       *
       * An id, documented as a string; read in either form.
       *
       * Strict reading: required, not null.
       *
       * Strict reading: null only in onThing: when kind is one of "bot", "system" (rule bots-have-no-owner).
       * Strict reading: null only in onThing: when actor.role is "guest" (rule guests-have-no-owner).
       */
      owner_id?: Wire.Id | null;
      /**
       *
       * Strict reading: required, not null.
       *
       * Strict reading: null only in onThing: when kind is none of "user" (rule only-users-have-a-note).
       * Strict reading: null only in onThing: always (rule notes-are-null).
       */
      note?: string | null;
      /**
       *
       * Strict reading: required, not null.
       *
       * Strict reading: null only in onThing: when label is "none" (rule unlabelled-has-no-count).
       */
      count?: number | null;
      /**
       *
       * Strict reading: required, not null.
       *
       * Strict reading: null only in onThing: when flag is false (rule unflagged-has-no-ratio).
       */
      ratio?: number | null;
      /**
       *
       * Strict reading: required, not null.
       *
       * Strict reading: null only in onThing: when ref is "7" (rule ref-seven-has-no-size).
       */
      size?: number | null;
      /**
       *
       * Strict reading: required, not null.
       *
       * Strict reading: null only in onThing: when key is one of 7, "8" (rule key-seven-has-no-hint).
       * Strict reading: null only in onThing: when label is none of "a", "b" (rule labelled-has-no-hint).
       */
      hint?: string | null;
      /**
       *
       * Strict reading: required, not null.
       *
       * Strict reading: null only in onThing: when kind is "bot" (rule bots-have-no-tags).
       */
      tags?: string[] | null;
      /**
       *
       * Strict reading: required, not null.
       *
       * Strict reading: null only in onThing: when since is "none" (rule no-since-when-none).
       */
      since?: string | null;
    }

    /**
     * - `"user"`
     * - `"system"`
     * - `"bot"`
     */
    export type Kind = "user" | "system" | "bot";

    /**
     * - `"calm"`
     * - `"busy"`
     *
     * Open: the page says other values occur (e.g. custom names); both readings accept them.
     */
    export type Mood = "calm" | "busy" | (string & {});
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
