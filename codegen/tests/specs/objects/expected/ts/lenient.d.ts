// @generated from spec/ by `cargo run -q --bin fwevents -- generate`. Do not edit by hand.

// The lenient reading: what real payloads do: ids in either form, every timestamp form, null for unset values, attributes left out, unknown values of open enums.

import type * as Wire from "./wire.js";

/** Types that more than one event uses. */
export namespace Types {
  /** An agent of the account. */
  export interface Agent {
    /**
     * The agent's id.
     *
     * An id, documented as a string; read in either form.
     *
     * Strict reading: required, not null.
     */
    id?: Wire.Id | null;
    /**
     * Where the agent is reached.
     *
     * Strict reading: required, not null.
     */
    email?: string | null;
    /**
     * The agent's team.
     *
     * Strict reading: required, not null.
     */
    team?: Team | null;
  }

  /** A team of agents. */
  export interface Team {
    /**
     * The team's name.
     *
     * Strict reading: required, not null.
     */
    name?: string | null;
    /**
     *
     * Strict reading: required, not null.
     */
    size?: number | null;
  }
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
       * The agent who did it.
       *
       * Strict reading: required, not null.
       */
      agent?: Types.Agent | null;
      /**
       * Agents watching the thing.
       *
       * Strict reading: required, not null.
       */
      watchers?: Types.Agent[] | null;
      /**
       * The thing.
       *
       * Strict reading: required, not null.
       */
      thing?: Thing | null;
      /**
       * Where it happened.
       *
       * Strict reading: required, not null.
       */
      place?: Location | null;
      /**
       * A tree of nodes.
       *
       * Strict reading: required, not null.
       */
      tree?: Node | null;
      /**
       * Plain values in an array.
       *
       * Strict reading: required, not null.
       */
      flags?: string[] | null;
    }

    /** The thing. */
    export interface Thing {
      /**
       *
       * Strict reading: required, not null.
       */
      title?: string | null;
      /**
       * Who owns the thing.
       *
       * Strict reading: required, not null.
       */
      owner?: Owner | null;
    }

    /** Who owns the thing. */
    export interface Owner {
      /**
       *
       * Strict reading: required, not null.
       */
      name?: string | null;
      /**
       *
       * Strict reading: required, not null.
       */
      active?: boolean | null;
    }

    /** Where it happened. */
    export interface Location {
      /**
       *
       * Strict reading: required, not null.
       */
      lat?: number | null;
      /**
       *
       * Strict reading: required, not null.
       */
      long?: number | null;
    }

    /** A node of a tree. */
    export interface Node {
      /**
       *
       * Strict reading: required, not null.
       */
      label?: string | null;
      /**
       * The node's children.
       *
       * Strict reading: required, not null.
       */
      children?: Node[] | null;
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
