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
    }

    /** A thing happened. */
    export interface Data {
      /**
       * An id the page gives as a number.
       *
       * An id, documented as an integer; read in either form.
       *
       * Strict reading: required, not null.
       */
      id?: Wire.Id | null;
      /**
       * An id the page gives as text.
       *
       * An id, documented as a string; read in either form.
       *
       * Strict reading: required, not null.
       */
      uuid?: Wire.Id | null;
      /**
       * Ids in an array.
       *
       * An id, documented as an integer; read in either form.
       *
       * Strict reading: required, not null.
       */
      ids?: Wire.Id[] | null;
      /**
       * The default forms.
       *
       * Timestamp in any form; documented as Iso8601 or UtcText.
       *
       * Strict reading: required, not null.
       */
      created_at?: Wire.Timestamp | null;
      /**
       *
       * Timestamp in any form; documented as Iso8601.
       *
       * Strict reading: required, not null.
       */
      iso?: Wire.Timestamp | null;
      /**
       *
       * Timestamp in any form; documented as UtcText.
       *
       * Strict reading: required, not null.
       */
      text?: Wire.Timestamp | null;
      /**
       *
       * Timestamp in any form; documented as EpochMillis.
       *
       * Strict reading: required, not null.
       */
      millis?: Wire.Timestamp | null;
      /**
       *
       * Timestamp in any form; documented as EpochSeconds.
       *
       * Strict reading: required, not null.
       */
      seconds?: Wire.Timestamp | null;
      /**
       *
       * Timestamp in any form; documented as EpochMillisString.
       *
       * Strict reading: required, not null.
       */
      millis_text?: Wire.Timestamp | null;
      /**
       *
       * Timestamp in any form; documented as Iso8601 or EpochSeconds.
       *
       * Strict reading: required, not null.
       */
      either?: Wire.Timestamp | null;
      /**
       * Specified in the UTC format.
       *
       * Timestamp in any form; documented as Iso8601 or UtcText.
       *
       * Strict reading: required, not null.
       */
      in_utc?: Wire.Timestamp | null;
      /**
       * Timestamps in an array.
       *
       * Timestamp in any form; documented as Iso8601 or UtcText.
       *
       * Strict reading: required, not null.
       */
      times?: Wire.Timestamp[] | null;
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
