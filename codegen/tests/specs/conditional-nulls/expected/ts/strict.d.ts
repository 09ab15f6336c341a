// @generated from spec/ by `cargo run -q --bin fwevents -- generate`. Do not edit by hand.

// The strict reading: the documentation to the letter.

import type * as Wire from "./wire.js";

/** Types that more than one event uses. */
export namespace Types {
  /** Someone, as both events send them. */
  export interface Person {
    /**
     *
     * Lenient reading: may be absent, may be null.
     */
    role: Role;
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
    profile: Profile | null;
    /**
     *
     * Lenient reading: may be absent, may be null.
     */
    links: Link[];
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
     * Lenient reading: may be absent, may be null.
     *
     * Strict reading: null only in onThing: when kind is "system" (rule system-has-no-email).
     */
    url: string | null;
  }

  /** `types.Person.links[]` in the spec. */
  export interface Link {
    /**
     *
     * Lenient reading: may be absent, may be null.
     *
     * Strict reading: null only in onThing: when kind is "system" (rule system-has-no-email).
     */
    href: string | null;
    /**
     *
     * Lenient reading: may be absent, may be null.
     *
     * Strict reading: null only in onThing: when mood is "busy" (rule busy-links-have-no-title).
     */
    title: string | null;
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

    /** The attributes of `Data` as their types give them: an attribute a `null` rule lets be null under a condition is `T | null` here, and `Data` says when it is null. */
    export interface DataBase {
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      actor: Types.Person;
    }

    /**
     * Another thing happened.
     *
     * Not null in this event, though their shared type lets them be null for another event's `null` rule: `actor.email`, `actor.profile.url`, `actor.links[].href`, `actor.links[].title`.
     */
    export type Data = DataBase & {
      actor: { email: string; profile: { url: string } | null; links: { href: string; title: string }[] };
    };
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
      mood: Mood;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      label: string;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      flag: boolean;
      /**
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      ref: number;
      /**
       *
       * An id, documented as a string.
       *
       * Lenient reading: may be absent, may be null.
       */
      key: string;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      actor?: Types.Person;
      /**
       *
       * An id, documented as a string.
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onThing: when kind is one of "bot", "system" (rule bots-have-no-owner).
       * Strict reading: null only in onThing: when actor.role is "guest" (rule guests-have-no-owner).
       */
      owner_id: string | null;
      /**
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onThing: when kind is none of "user" (rule only-users-have-a-note).
       * Strict reading: null only in onThing: always (rule notes-are-null).
       */
      note: string | null;
      /**
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onThing: when label is "none" (rule unlabelled-has-no-count).
       */
      count: number | null;
      /**
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onThing: when flag is false (rule unflagged-has-no-ratio).
       */
      ratio: number | null;
      /**
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onThing: when ref is "7" (rule ref-seven-has-no-size).
       */
      size: number | null;
      /**
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onThing: when key is one of 7, "8" (rule key-seven-has-no-hint).
       * Strict reading: null only in onThing: when label is none of "a", "b" (rule labelled-has-no-hint).
       */
      hint: string | null;
      /**
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onThing: when kind is "bot" (rule bots-have-no-tags).
       */
      tags: string[] | null;
      /**
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onThing: when since is "none" (rule no-since-when-none).
       */
      since: string | null;
    }

    /**
     * A thing happened.
     *
     * Strict reading: `DataBase` and, for each set of attributes that `null` rules let be null under a condition, a union of the cases: a rule's condition holds and they are null (the rule requires it), or none holds and they are not:
     * - `actor.email`, `actor.profile.url`, `actor.links[].href`: null only when kind is "system" (rule `system-has-no-email`).
     * - `owner_id`: null only when kind is one of "bot", "system" (rule `bots-have-no-owner`) or when actor.role is "guest" (rule `guests-have-no-owner`).
     * - `actor.links[].title`: null only when mood is "busy" (rule `busy-links-have-no-title`).
     * - `count`: null only when label is "none" (rule `unlabelled-has-no-count`).
     * - `ratio`: null only when flag is false (rule `unflagged-has-no-ratio`).
     * - `size`: null only when ref is "7" (rule `ref-seven-has-no-size`).
     *
     * Where a condition's attribute is not a closed set of values, a type cannot take the condition's values out of it, so the case where the condition does not hold gives the attribute its whole type: the union refuses a null where the condition does not hold, but takes a value where it holds, and comparing the attribute with `!==` does not narrow the others to not null:
     * - `mood` (rule `busy-links-have-no-title`): `Mood` where it is not "busy".
     * - `label` (rule `unlabelled-has-no-count`): `string` where it is not "none".
     * - `ref` (rule `ref-seven-has-no-size`): `number` where it is not "7".
     *
     * Not expressed here (the attributes stay nullable; the validator checks the condition):
     * - `hint`: null only when key is one of 7, "8" (rule `key-seven-has-no-hint`) or when label is none of "a", "b" (rule `labelled-has-no-hint`): a type cannot take values out of `string`.
     * - `tags[]`: null only when kind is "bot" (rule `bots-have-no-tags`): tags[] names the items of an array, which are never null.
     * - `since`: null only when since is "none" (rule `no-since-when-none`): since is both a condition and an attribute the rules let be null.
     */
    export type Data = DataBase & (
      | {
        kind: "system";
        actor?: { email: null; profile: { url: null } | null; links: { href: null }[] };
      }
      | {
        kind: Exclude<Kind, "system">;
        actor?: { email: string; profile: { url: string } | null; links: { href: string }[] };
      }
    ) & (
      | { kind: "bot" | "system"; owner_id: null }
      | { actor: { role: "guest" }; owner_id: null }
      | {
        kind: Exclude<Kind, "bot" | "system">;
        actor?: { role: Exclude<Types.Role, "guest"> };
        owner_id: string;
      }
    ) & (
      | { mood: "busy"; actor?: { links: { title: null }[] } }
      | { mood: Mood; actor?: { links: { title: string }[] } }
    ) & (
      | { label: "none"; count: null }
      | { label: string; count: number }
    ) & (
      | { flag: false; ratio: null }
      | { flag: true; ratio: number }
    ) & (
      | { ref: 7; size: null }
      | { ref: number; size: number }
    );

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
