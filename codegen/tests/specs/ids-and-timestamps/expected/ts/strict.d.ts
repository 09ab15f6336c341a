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
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      id: number;
      /**
       * An id the page gives as text.
       *
       * An id, documented as a string.
       *
       * Lenient reading: may be absent, may be null.
       */
      uuid: string;
      /**
       * Ids in an array.
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      ids: number[];
      /**
       * The default forms.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      created_at: Wire.Iso8601 | Wire.UtcText;
      /**
       *
       * Timestamp, documented as Iso8601.
       *
       * Lenient reading: may be absent, may be null.
       */
      iso: Wire.Iso8601;
      /**
       *
       * Timestamp, documented as UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      text: Wire.UtcText;
      /**
       *
       * Timestamp, documented as EpochMillis.
       *
       * Lenient reading: may be absent, may be null.
       */
      millis: Wire.EpochMillis;
      /**
       *
       * Timestamp, documented as EpochSeconds.
       *
       * Lenient reading: may be absent, may be null.
       */
      seconds: Wire.EpochSeconds;
      /**
       *
       * Timestamp, documented as EpochMillisString.
       *
       * Lenient reading: may be absent, may be null.
       */
      millis_text: Wire.EpochMillisString;
      /**
       *
       * Timestamp, documented as Iso8601 or EpochSeconds.
       *
       * Lenient reading: may be absent, may be null.
       */
      either: Wire.Iso8601 | Wire.EpochSeconds;
      /**
       * Specified in the UTC format.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      in_utc: Wire.Iso8601 | Wire.UtcText;
      /**
       * Timestamps in an array.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      times: (Wire.Iso8601 | Wire.UtcText)[];
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
