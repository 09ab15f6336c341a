// @generated from spec/ by `cargo run -q --bin fwevents -- generate`. Do not edit by hand.

// The strict reading: the documentation to the letter.

import type * as Wire from "./wire.js";

/** Types that more than one event uses. */
export namespace Types {
  /** An agent of the account. */
  export interface Agent {
    /**
     * The agent's id.
     *
     * An id, documented as a string.
     *
     * Lenient reading: may be absent, may be null.
     */
    id: string;
    /**
     * Where the agent is reached.
     *
     * Lenient reading: may be absent, may be null.
     */
    email: string;
    /**
     * The agent's team.
     *
     * Lenient reading: may be absent, may be null.
     */
    team: Team;
  }

  /** A team of agents. */
  export interface Team {
    /**
     * The team's name.
     *
     * Lenient reading: may be absent, may be null.
     */
    name: string;
    /**
     *
     * Lenient reading: may be absent, may be null.
     */
    size: number;
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
       * Lenient reading: may be absent, may be null.
       */
      agent: Types.Agent;
      /**
       * Agents watching the thing.
       *
       * Lenient reading: may be absent, may be null.
       */
      watchers: Types.Agent[];
      /**
       * The thing.
       *
       * Lenient reading: may be absent, may be null.
       */
      thing: Thing;
      /**
       * Where it happened.
       *
       * Lenient reading: may be absent, may be null.
       */
      place: Location;
      /**
       * A tree of nodes.
       *
       * Lenient reading: may be absent, may be null.
       */
      tree: Node;
      /**
       * Plain values in an array.
       *
       * Lenient reading: may be absent, may be null.
       */
      flags: string[];
    }

    /** The thing. */
    export interface Thing {
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      title: string;
      /**
       * Who owns the thing.
       *
       * Lenient reading: may be absent, may be null.
       */
      owner: Owner;
    }

    /** Who owns the thing. */
    export interface Owner {
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      name: string;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      active: boolean;
    }

    /** Where it happened. */
    export interface Location {
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      lat: number;
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      long: number;
    }

    /** A node of a tree. */
    export interface Node {
      /**
       *
       * Lenient reading: may be absent, may be null.
       */
      label: string;
      /**
       * The node's children.
       *
       * Lenient reading: may be absent, may be null.
       */
      children: Node[];
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
