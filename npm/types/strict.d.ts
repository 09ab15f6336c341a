// @generated from spec/ by `cargo run -q --bin fwevents -- generate`. Do not edit by hand.

// The strict reading: the documentation to the letter.

import type * as Wire from "./wire.js";

/** Types that more than one event uses. */
export namespace Types {
  /**
   * Who caused the event.
   *
   * - `"agent"`: A person signed in as an agent.
   * - `"system"`: The product itself, e.g. an automatic status change.
   */
  export type ActorType = "agent" | "system";

  /** The agent or system that caused a Freshchat agent-status event. Both Freshchat pages describe this object; their attribute lists differ slightly and are merged here. */
  export interface ChatActor {
    /**
     * Identifier of the actor; a UUID in real payloads.
     *
     * An id, documented as a string.
     *
     * Lenient reading: may be absent, may be null.
     */
    id: string;
    /**
     * What changed the agent's status.
     *
     * Listed only on the onAgentCustomStatusUpdate page, and missing from real onAgentActivityCreate payloads. Strict requires it for onAgentCustomStatusUpdate; onAgentActivityCreate's reading of this type has no such attribute, so strict reports it there as undocumented.
     *
     * Lenient reading: may be absent, may be null.
     */
    actor_source: string;
    /**
     * The actor's picture.
     *
     * Lenient reading: may be absent, may be null.
     */
    avatar: Avatar;
    /**
     * The actor's email address.
     *
     * Lenient reading: may be absent, may be null.
     *
     * Strict reading: null only in onAgentCustomStatusUpdate: when actor.type is "system" (rule system-actor-has-no-profile).
     */
    email: string | null;
    /**
     * The actor's given name.
     *
     * Lenient reading: may be absent, may be null.
     *
     * Strict reading: null only in onAgentCustomStatusUpdate: when actor.type is "system" (rule system-actor-has-no-profile).
     */
    first_name: string | null;
    /**
     * The actor's family name.
     *
     * Lenient reading: may be absent, may be null.
     *
     * Strict reading: null only in onAgentCustomStatusUpdate: when actor.type is "system" (rule system-actor-has-no-profile).
     */
    last_name: string | null;
    /**
     * Whether the actor is signed in.
     *
     * Lenient reading: may be absent, may be null.
     */
    login_status: boolean;
    /**
     * The actor's identifier across the Freshworks organisation.
     *
     * Null for a system actor on the onAgentActivityCreate page only; the other page gives no null case, so strict refuses null there.
     *
     * An id, documented as a string.
     *
     * Lenient reading: may be absent, may be null.
     */
    org_actor_id: string;
    /**
     * Identifier of the contact record made for the actor when it is an agent.
     *
     * Both pages describe it for an actor that is a Freshchat agent and say nothing of a system actor, so strict requires it of every actor, as listed.
     *
     * An id, documented as a string.
     *
     * Lenient reading: may be absent, may be null.
     */
    org_contact_id: string;
    /**
     * The actor's phone number.
     *
     * Where the docs differ: The onAgentCustomStatusUpdate page writes the name "Phone"; the other page and the real payloads use "phone", which is the wire name kept here.
     *
     * Lenient reading: may be absent, may be null.
     *
     * Strict reading: null only in onAgentCustomStatusUpdate: when actor.type is "system" (rule system-actor-has-no-profile).
     */
    phone: string | null;
    /**
     * The actor's accounts on social platforms.
     *
     * Where the docs differ: Typed "string" on the onAgentCustomStatusUpdate page but "array of objects" (id, type) on the onAgentActivityCreate page and in real payloads; the array wins.
     *
     * Lenient reading: may be absent, may be null.
     */
    social_profiles: SocialProfile[];
    /**
     * The routing sub-type whose decision changed the agent's IntelliAssign status.
     *
     * Null only for a general availability change, which onAgentCustomStatusUpdate never reports, so strict refuses null there.
     *
     * Lenient reading: may be absent, may be null.
     */
    sub_entity: string;
    /**
     * Whether an agent or the system caused the event.
     *
     * Lenient reading: may be absent, may be null.
     */
    type: ActorType;
  }

  /** The actor's picture. */
  export interface Avatar {
    /**
     * Address of the picture.
     *
     * Lenient reading: may be absent, may be null.
     *
     * Strict reading: null only in onAgentActivityCreate: when actor.type is "system" (rule system-actor-has-no-profile).
     * Strict reading: null only in onAgentCustomStatusUpdate: when actor.type is "system" (rule system-actor-has-no-profile).
     */
    url: string | null;
  }

  /** One social platform account of a Freshchat actor. */
  export interface SocialProfile {
    /**
     * The agent's user name or id on that platform.
     *
     * An id, documented as a string.
     *
     * Lenient reading: may be absent, may be null.
     */
    id: string;
    /**
     * The platform.
     *
     * Forward-open: "Possible values: facebook, twitter, skype, linkedin" names the platforms an actor can link today, a list that grows with the product; another is kept, and strict reports it as undocumented.
     *
     * Where the docs differ: The page puts "null when actor.type is system" under this attribute; it is read as applying to this field, which strict allows to be null for a system actor only.
     *
     * Lenient reading: may be absent, may be null.
     *
     * Strict reading: null only in onAgentActivityCreate: when actor.type is "system" (rule system-actor-has-no-profile).
     */
    type: SocialPlatform | null;
  }

  /**
   * The platform.
   *
   * - `"facebook"`
   * - `"twitter"`
   * - `"skype"`
   * - `"linkedin"`
   *
   * Open in the lenient reading; the strict one allows only the listed values.
   */
  export type SocialPlatform = "facebook" | "twitter" | "skype" | "linkedin";

  /** An agent's status change in Freshchat: the new and the previous status, and when each was set. onAgentActivityCreate sends it as agent_activity, onAgentCustomStatusUpdate as agent_custom_status; the two pages list the same attributes. */
  export interface ChatAgentStatus {
    /**
     * What kind of status change raised the event.
     *
     * Lenient reading: may be absent, may be null.
     */
    availability_event_type: AvailabilityEventType;
    /**
     * Identifier of the custom status in force, when one is set.
     *
     * For an IntelliAssign change with a custom status set, it identifies that custom status; a payload cannot show which status an id names, so no rule checks it.
     *
     * Null only for a general availability change (onAgentActivityCreate); strict refuses null otherwise.
     *
     * An id, documented as a string.
     *
     * Lenient reading: may be absent, may be null.
     *
     * Strict reading: null only in onAgentActivityCreate: when agent_activity.availability_event_type is "GeneralAvailability" (rule general-availability-has-no-custom-status).
     */
    custom_status_id: string | null;
    /**
     * The agent's email address.
     *
     * Lenient reading: may be absent, may be null.
     */
    email: string;
    /**
     * Emoji shown with the status.
     *
     * Lenient reading: may be absent, may be null.
     */
    emoji: string;
    /**
     * The agent's identifier across the Freshworks organisation.
     *
     * An id, documented as a string.
     *
     * Lenient reading: may be absent, may be null.
     */
    org_agent_id: string;
    /**
     * Name of the status before this change.
     *
     * Lenient reading: may be absent, may be null.
     */
    prev_status: AgentStatusName;
    /**
     * When the previous status was set.
     *
     * Timestamp, documented as Iso8601 or UtcText.
     *
     * Lenient reading: may be absent, may be null.
     */
    prev_status_change_timestamp: Wire.Iso8601 | Wire.UtcText;
    /**
     * Name of the status after this change.
     *
     * Lenient reading: may be absent, may be null.
     */
    status: AgentStatusName;
    /**
     * When the current status was set.
     *
     * Timestamp, documented as Iso8601 or UtcText.
     *
     * Lenient reading: may be absent, may be null.
     */
    status_change_timestamp: Wire.Iso8601 | Wire.UtcText;
  }

  /**
   * The kind of Freshchat status change.
   *
   * - `"GeneralAvailability"`: The agent went online or offline, possibly through inactivity.
   * - `"Intelliassign"`: The agent's availability for automatic assignment changed.
   * - `"custom_status"`: The agent moved to, from or between custom statuses.
   */
  export type AvailabilityEventType = "GeneralAvailability" | "Intelliassign" | "custom_status";

  /**
   * A Freshchat status name: one of the two built-in statuses or the name of a custom status the account defined (e.g. "LUNCH"). The page says such names occur, so both readings accept any name.
   *
   * - `"AVAILABLE"`: Available for conversations.
   * - `"UNAVAILABLE"`: Not available for conversations.
   *
   * Open: the page says other values occur (e.g. custom names); both readings accept them.
   */
  export type AgentStatusName = "AVAILABLE" | "UNAVAILABLE" | (string & {});

  /** What changed in a Freshdesk or Freshcaller record: each changed attribute maps to its value before and after the change. */
  export interface ModelChanges {
    /**
     * Changed attributes of the record, each as [old, new].
     *
     * Lenient reading: may be absent, may be null.
     */
    model_changes: { [key: string]: [old: unknown, new: unknown] };
    /**
     * Changed miscellaneous database parameters, each as [old, new].
     *
     * Listed on Freshdesk's onAgentAvailabilityUpdate page only, where strict requires it; Freshcaller's onAgentUpdate reading of this type has no such attribute.
     *
     * Lenient reading: may be absent, may be null.
     */
    misc_changes: { [key: string]: [old: unknown, new: unknown] };
    /**
     * Changed system-level parameters, each as [old, new].
     *
     * Listed on Freshdesk's onAgentAvailabilityUpdate page only, where strict requires it; Freshcaller's onAgentUpdate reading of this type has no such attribute.
     *
     * Lenient reading: may be absent, may be null.
     */
    system_changes: { [key: string]: [old: unknown, new: unknown] };
  }
}

/** Freshchat events. */
export namespace Freshchat {
  /** Every Freshchat event in the spec. */
  export type AnyEvent = OnAgentActivityCreate.Payload | OnAgentCustomStatusUpdate.Payload;

  /**
   * Raised when a Freshchat agent's general availability (online/offline) or IntelliAssign status changes.
   *
   * Raised by Freshchat; `event` is `"onAgentActivityCreate"`.
   *
   * Rules the validator checks:
   * - `system-actor-has-no-profile`: A system actor carries no personal details.
   * - `general-availability-has-no-custom-status`: A general availability change involves no custom status and no routing sub-type.
   * - `general-availability-is-system`: General availability changes are made by the system.
   * - `general-availability-status`: A general availability change only moves between AVAILABLE and UNAVAILABLE.
   * - `activity-event-type`: This event reports general availability and IntelliAssign changes only.
   * - `status-change-order`: The previous status was set no later than the current one.
   */
  export namespace OnAgentActivityCreate {
    /** A whole onAgentActivityCreate payload: the envelope and its `data`. */
    export interface Payload {
      /**
       * The Freshworks account the event belongs to.
       *
       * Sent as a numeric string in every real payload.
       *
       * An id, documented as a string.
       */
      account_id: string;
      /**
       * Host name of the product account that raised the event.
       *
       * Also tells products apart when two of them raise an event of the same name.
       */
      domain: string;
      /** Name of the event, as registered in the app's manifest. */
      event: "onAgentActivityCreate";
      /** Data-centre region of the account (US, EU, IND, AUS, ...). */
      region: string;
      /**
       * When the platform emitted the event.
       *
       * Real payloads send it as integer milliseconds (Freshchat), float seconds (Freshdesk) and a numeric string of milliseconds (Freshsales); all three are read.
       *
       * Timestamp, documented as EpochMillis or EpochSeconds or EpochMillisString.
       */
      timestamp: Wire.EpochMillis | Wire.EpochSeconds | Wire.EpochMillisString;
      /** Version of the payload format. */
      version: string;
      /** The event's own attributes, described per event. */
      data: Data;
      /** Installation parameters of the app, when the simulator or platform adds them. */
      iparams?: { [key: string]: unknown };
      /** App-level settings, when present. */
      app_settings?: { [key: string]: unknown };
    }

    /** The attributes of `Data` as their types give them: an attribute a `null` rule lets be null under a condition is `T | null` here, and `Data` says when it is null. */
    export interface DataBase {
      /** The agent or system that caused the change. */
      actor: ChatActor;
      /** The agent's status change. */
      agent_activity: Types.ChatAgentStatus;
    }

    /**
     * Raised when a Freshchat agent's general availability (online/offline) or IntelliAssign status changes.
     *
     * Strict reading: `DataBase` and, for each set of attributes that `null` rules let be null under a condition, a union of the cases: a rule's condition holds and they are null (the rule requires it), or none holds and they are not:
     * - `actor.avatar.url`, `actor.email`, `actor.first_name`, `actor.last_name`, `actor.org_actor_id`, `actor.phone`, `actor.social_profiles[].type`: null only when actor.type is "system" (rule `system-actor-has-no-profile`).
     * - `agent_activity.custom_status_id`, `actor.sub_entity`: null only when agent_activity.availability_event_type is "GeneralAvailability" (rule `general-availability-has-no-custom-status`).
     */
    export type Data = DataBase & (
      | {
        actor: {
          type: "system";
          avatar: { url: null };
          email: null;
          first_name: null;
          last_name: null;
          org_actor_id: null;
          phone: null;
          social_profiles: { type: null }[];
        };
      }
      | {
        actor: {
          type: Exclude<Types.ActorType, "system">;
          avatar: { url: string };
          email: string;
          first_name: string;
          last_name: string;
          org_actor_id: string;
          phone: string;
          social_profiles: { type: Types.SocialPlatform }[];
        };
      }
    ) & (
      | {
        agent_activity: { availability_event_type: "GeneralAvailability"; custom_status_id: null };
        actor: { sub_entity: null };
      }
      | {
        agent_activity: {
          availability_event_type: Exclude<Types.AvailabilityEventType, "GeneralAvailability">;
          custom_status_id: string;
        };
        actor: { sub_entity: string };
      }
    );

    /**
     * The agent or system that caused a Freshchat agent-status event. Both Freshchat pages describe this object; their attribute lists differ slightly and are merged here.
     *
     * This event's reading of the shared type: only the attributes its page lists.
     */
    export interface ChatActor {
      /**
       * Identifier of the actor; a UUID in real payloads.
       *
       * An id, documented as a string.
       *
       * Lenient reading: may be absent, may be null.
       */
      id: string;
      /**
       * The actor's picture.
       *
       * Lenient reading: may be absent, may be null.
       */
      avatar: Types.Avatar;
      /**
       * The actor's email address.
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onAgentActivityCreate: when actor.type is "system" (rule system-actor-has-no-profile).
       */
      email: string | null;
      /**
       * The actor's given name.
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onAgentActivityCreate: when actor.type is "system" (rule system-actor-has-no-profile).
       */
      first_name: string | null;
      /**
       * The actor's family name.
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onAgentActivityCreate: when actor.type is "system" (rule system-actor-has-no-profile).
       */
      last_name: string | null;
      /**
       * Whether the actor is signed in.
       *
       * Lenient reading: may be absent, may be null.
       */
      login_status: boolean;
      /**
       * The actor's identifier across the Freshworks organisation.
       *
       * Null for a system actor on the onAgentActivityCreate page only; the other page gives no null case, so strict refuses null there.
       *
       * An id, documented as a string.
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onAgentActivityCreate: when actor.type is "system" (rule system-actor-has-no-profile).
       */
      org_actor_id: string | null;
      /**
       * Identifier of the contact record made for the actor when it is an agent.
       *
       * Both pages describe it for an actor that is a Freshchat agent and say nothing of a system actor, so strict requires it of every actor, as listed.
       *
       * An id, documented as a string.
       *
       * Lenient reading: may be absent, may be null.
       */
      org_contact_id: string;
      /**
       * The actor's phone number.
       *
       * Where the docs differ: The onAgentCustomStatusUpdate page writes the name "Phone"; the other page and the real payloads use "phone", which is the wire name kept here.
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onAgentActivityCreate: when actor.type is "system" (rule system-actor-has-no-profile).
       */
      phone: string | null;
      /**
       * The actor's accounts on social platforms.
       *
       * Where the docs differ: Typed "string" on the onAgentCustomStatusUpdate page but "array of objects" (id, type) on the onAgentActivityCreate page and in real payloads; the array wins.
       *
       * Lenient reading: may be absent, may be null.
       */
      social_profiles: Types.SocialProfile[];
      /**
       * The routing sub-type whose decision changed the agent's IntelliAssign status.
       *
       * Null only for a general availability change, which onAgentCustomStatusUpdate never reports, so strict refuses null there.
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onAgentActivityCreate: when agent_activity.availability_event_type is "GeneralAvailability" (rule general-availability-has-no-custom-status).
       */
      sub_entity: string | null;
      /**
       * Whether an agent or the system caused the event.
       *
       * Lenient reading: may be absent, may be null.
       */
      type: Types.ActorType;
    }
  }

  /**
   * Raised when a Freshchat agent moves from a default status to a custom one, back, or between two custom statuses.
   *
   * Raised by Freshchat; `event` is `"onAgentCustomStatusUpdate"`.
   *
   * Rules the validator checks:
   * - `system-actor-has-no-profile`: A system actor carries no personal details.
   * - `custom-status-event-type`: This event always reports a custom status change.
   * - `status-change-order`: The previous status was set no later than the current one.
   * - `changes-name-status-attributes`: Every key of changes is an attribute of agent_custom_status. (strict reading only)
   */
  export namespace OnAgentCustomStatusUpdate {
    /** A whole onAgentCustomStatusUpdate payload: the envelope and its `data`. */
    export interface Payload {
      /**
       * The Freshworks account the event belongs to.
       *
       * Sent as a numeric string in every real payload.
       *
       * An id, documented as a string.
       */
      account_id: string;
      /**
       * Host name of the product account that raised the event.
       *
       * Also tells products apart when two of them raise an event of the same name.
       */
      domain: string;
      /** Name of the event, as registered in the app's manifest. */
      event: "onAgentCustomStatusUpdate";
      /** Data-centre region of the account (US, EU, IND, AUS, ...). */
      region: string;
      /**
       * When the platform emitted the event.
       *
       * Real payloads send it as integer milliseconds (Freshchat), float seconds (Freshdesk) and a numeric string of milliseconds (Freshsales); all three are read.
       *
       * Timestamp, documented as EpochMillis or EpochSeconds or EpochMillisString.
       */
      timestamp: Wire.EpochMillis | Wire.EpochSeconds | Wire.EpochMillisString;
      /** Version of the payload format. */
      version: string;
      /** The event's own attributes, described per event. */
      data: Data;
      /** Installation parameters of the app, when the simulator or platform adds them. */
      iparams?: { [key: string]: unknown };
      /** App-level settings, when present. */
      app_settings?: { [key: string]: unknown };
    }

    /** The attributes of `Data` as their types give them: an attribute a `null` rule lets be null under a condition is `T | null` here, and `Data` says when it is null. */
    export interface DataBase {
      /** The agent or system that changed the status. */
      actor: Types.ChatActor;
      /** The custom status change. */
      agent_custom_status: Types.ChatAgentStatus;
      /** Objects related to the custom status; the page lists none. */
      associations: Associations;
      /**
       * Each changed attribute of agent_custom_status mapped to [new, old]; note the order, which is the reverse of the other products' model_changes.
       *
       * Where the docs differ: The order is [new value, old value], as the format and the example on the page both show ("status": ["LUNCH", "UNAVAILABLE"]). The generated type exposes old() and new() so callers need not remember it.
       */
      changes: { [key: string]: [new: unknown, old: unknown] };
    }

    /**
     * Raised when a Freshchat agent moves from a default status to a custom one, back, or between two custom statuses.
     *
     * Strict reading: `DataBase` and, for each set of attributes that `null` rules let be null under a condition, a union of the cases: a rule's condition holds and they are null (the rule requires it), or none holds and they are not:
     * - `actor.avatar.url`, `actor.email`, `actor.first_name`, `actor.last_name`, `actor.phone`: null only when actor.type is "system" (rule `system-actor-has-no-profile`).
     *
     * Not null in this event, though their shared type lets them be null for another event's `null` rule: `actor.social_profiles[].type`, `agent_custom_status.custom_status_id`.
     */
    export type Data = DataBase & (
      | {
        actor: {
          type: "system";
          avatar: { url: null };
          email: null;
          first_name: null;
          last_name: null;
          phone: null;
        };
      }
      | {
        actor: {
          type: Exclude<Types.ActorType, "system">;
          avatar: { url: string };
          email: string;
          first_name: string;
          last_name: string;
          phone: string;
        };
      }
    ) & {
      actor: { social_profiles: { type: Types.SocialPlatform }[] };
      agent_custom_status: { custom_status_id: string };
    };

    /** Objects related to the custom status; the page lists none. */
    export interface Associations {}
  }
}

/** Freshdesk events. */
export namespace Freshdesk {
  /** Every Freshdesk event in the spec. */
  export type AnyEvent = OnAgentAvailabilityUpdate.Payload;

  /**
   * Raised when an agent's availability changes in a Freshdesk Omnichannel or Support Desk account with custom statuses enabled: set by an admin, by the agent, or by the system (e.g. while the agent is on a call). Not raised on sign-in or sign-out.
   *
   * Raised by Freshdesk; `event` is `"onAgentAvailabilityUpdate"`.
   *
   * Rules the validator checks:
   * - `system-actor-is-anonymous`: When the system acts, the actor has no id and no name.
   * - `availability-record-order`: The availability record was created no later than it was last updated.
   * - `status-update-order`: The status changed no later than the record's last update. Inferred, not stated by the page: a status change updates the record, so status_updated_at cannot be later than updated_at; hence strict only. (strict reading only)
   * - `model-changes-name-availability-attributes`: Every key of changes.model_changes is an attribute of agent_availability. (strict reading only)
   */
  export namespace OnAgentAvailabilityUpdate {
    /** A whole onAgentAvailabilityUpdate payload: the envelope and its `data`. */
    export interface Payload {
      /**
       * The Freshworks account the event belongs to.
       *
       * Sent as a numeric string in every real payload.
       *
       * An id, documented as a string.
       */
      account_id: string;
      /**
       * Host name of the product account that raised the event.
       *
       * Also tells products apart when two of them raise an event of the same name.
       */
      domain: string;
      /** Name of the event, as registered in the app's manifest. */
      event: "onAgentAvailabilityUpdate";
      /** Data-centre region of the account (US, EU, IND, AUS, ...). */
      region: string;
      /**
       * When the platform emitted the event.
       *
       * Real payloads send it as integer milliseconds (Freshchat), float seconds (Freshdesk) and a numeric string of milliseconds (Freshsales); all three are read.
       *
       * Timestamp, documented as EpochMillis or EpochSeconds or EpochMillisString.
       */
      timestamp: Wire.EpochMillis | Wire.EpochSeconds | Wire.EpochMillisString;
      /** Version of the payload format. */
      version: string;
      /** The event's own attributes, described per event. */
      data: Data;
      /** Installation parameters of the app, when the simulator or platform adds them. */
      iparams?: { [key: string]: unknown };
      /** App-level settings, when present. */
      app_settings?: { [key: string]: unknown };
    }

    /** The attributes of `Data` as their types give them: an attribute a `null` rule lets be null under a condition is `T | null` here, and `Data` says when it is null. */
    export interface DataBase {
      /** The agent or system that changed the availability. */
      actor: Actor;
      /** The agent's availability across the account's channels after the change. */
      agent_availability: AgentAvailability;
      /** Objects related to the availability record. */
      associations: Associations;
      /** What changed in agent_availability, each attribute as [old, new]. */
      changes: Types.ModelChanges;
    }

    /**
     * Raised when an agent's availability changes in a Freshdesk Omnichannel or Support Desk account with custom statuses enabled: set by an admin, by the agent, or by the system (e.g. while the agent is on a call). Not raised on sign-in or sign-out.
     *
     * Strict reading: `DataBase` and, for each set of attributes that `null` rules let be null under a condition, a union of the cases: a rule's condition holds and they are null (the rule requires it), or none holds and they are not:
     * - `actor.id`, `actor.name`: null only when actor.type is "system" (rule `system-actor-is-anonymous`).
     */
    export type Data = DataBase & (
      | { actor: { type: "system"; id: null; name: null } }
      | { actor: { type: Exclude<Types.ActorType, "system">; id: string; name: string } }
    );

    /** The agent or system that changed the availability. */
    export interface Actor {
      /**
       * The agent's Freshdesk id, or null when the system acted.
       *
       * Documented as a string; Freshdesk sends integer ids elsewhere, so both are read.
       *
       * Null only for the system actor, as the page says ("If the actor is the Freshdesk system, the id value is null"): rule system-actor-is-anonymous.
       *
       * An id, documented as a string.
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onAgentAvailabilityUpdate: when actor.type is "system" (rule system-actor-is-anonymous).
       */
      id: string | null;
      /**
       * The actor's full name, or null when the system acted.
       *
       * Null only for the system actor, as the page says ("If the actor is the Freshdesk system, this attribute value is null"): rule system-actor-is-anonymous.
       *
       * Lenient reading: may be absent, may be null.
       *
       * Strict reading: null only in onAgentAvailabilityUpdate: when actor.type is "system" (rule system-actor-is-anonymous).
       */
      name: string | null;
      /**
       * Whether an agent or the system made the change.
       *
       * Lenient reading: may be absent, may be null.
       */
      type: Types.ActorType;
    }

    /** The agent's availability across the account's channels after the change. */
    export interface AgentAvailability {
      /**
       * The Freshdesk account.
       *
       * An id, documented as a string.
       *
       * Lenient reading: may be absent, may be null.
       */
      account_id: string;
      /**
       * The agent's availability in each channel of the account.
       *
       * Lenient reading: may be absent, may be null.
       */
      channel_availability: ChannelAvailability[];
      /**
       * When the availability record was created.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      created_at: Wire.Iso8601 | Wire.UtcText;
      /**
       * The agent's email address.
       *
       * Where the docs differ: The page writes the name "Email"; every other attribute, and the same attribute in the other products, is lower case, so the wire name is "email". A payload that really sends "Email" keeps it as an unknown field.
       *
       * Lenient reading: may be absent, may be null.
       */
      email: string;
      /**
       * Identifier of the availability record.
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      id: number;
      /**
       * Whether the agent is signed in to Freshdesk.
       *
       * Where the docs differ: The page lists "freshcaller" among the possible values of this boolean; only true and false are accepted.
       *
       * Lenient reading: may be absent, may be null.
       */
      logged_in: boolean;
      /**
       * The agent's name.
       *
       * Lenient reading: may be absent, may be null.
       */
      name: string;
      /**
       * Identifier of the agent's current status.
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      status_id: number;
      /**
       * When the agent's status last changed.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      status_updated_at: Wire.Iso8601 | Wire.UtcText;
      /**
       * When the availability record last changed.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      updated_at: Wire.Iso8601 | Wire.UtcText;
    }

    /** `data.agent_availability.channel_availability[]` in the spec. */
    export interface ChannelAvailability {
      /**
       * The channel.
       *
       * Forward-open: the list names the channels of an Omnichannel account today (Possible values: freshdesk, freshchat, freshcaller); a channel Freshworks adds later is kept, and strict reports it as undocumented.
       *
       * Lenient reading: may be absent, may be null.
       */
      channel: Channel;
      /**
       * Whether the agent takes assignments on this channel.
       *
       * Where the docs differ: The page lists "freshcaller" among the possible values of this boolean, a slip from the channel list above it; only true and false are accepted.
       *
       * Lenient reading: may be absent, may be null.
       */
      available: boolean;
      /**
       * The account's identifier in this channel's product.
       *
       * An id, documented as a string.
       *
       * Lenient reading: may be absent, may be null.
       */
      channel_account_id: string;
      /**
       * The agent's identifier in this channel's product.
       *
       * An id, documented as a string.
       *
       * Lenient reading: may be absent, may be null.
       */
      agent_id: string;
    }

    /**
     * The channel.
     *
     * - `"freshdesk"`: Tickets.
     * - `"freshchat"`: Chat.
     * - `"freshcaller"`: Phone.
     *
     * Open in the lenient reading; the strict one allows only the listed values.
     */
    export type Channel = "freshdesk" | "freshchat" | "freshcaller";

    /** Objects related to the availability record. */
    export interface Associations {
      /**
       * The agent's status.
       *
       * Lenient reading: may be absent, may be null.
       */
      status: Status;
    }

    /** The agent's status. */
    export interface Status {
      /**
       * Identifier of the status.
       *
       * Documented as a string while agent_availability.status_id is an integer.
       *
       * An id, documented as a string.
       *
       * Lenient reading: may be absent, may be null.
       */
      id: string;
      /**
       * Name of the status.
       *
       * Lenient reading: may be absent, may be null.
       */
      name: string;
    }
  }
}

/** Freshcaller events. */
export namespace Freshcaller {
  /** Every Freshcaller event in the spec. */
  export type AnyEvent = OnAgentUpdate.Payload;

  /**
   * Raised when a phone agent's status changes or the agent signs in or out. The page speaks of "the Freshworks system"; its attributes (available_on, browser and mobile status, calls) are Freshcaller's. Freshdesk raises an event of the same name with a different shape, which this spec does not cover.
   *
   * Raised by Freshcaller; `event` is `"onAgentUpdate"`.
   *
   * Rules the validator checks:
   * - `actor-agent-is-the-actor`: The actor's agent record is the updated agent's, whose user id the page gives as the actor's id.
   * - `actor-is-the-agent-user`: The actor's id is the agent's user id.
   * - `actor-name-is-agent-name`: The actor's name is the agent's name.
   * - `primary-email-is-primary`: The actor's primary email record is marked primary.
   * - `custom-status-code`: An agent whose selected status is one of the custom statuses the page names (Away, In a meeting) has status code 0. (strict reading only)
   * - `offline-status-code`: An agent whose selected status is Offline has status code 0. (strict reading only)
   * - `online-status-code`: An agent whose selected status is Online has status code 1. (strict reading only)
   * - `busy-status-code`: An agent whose selected status is Busy has status code 2. (strict reading only)
   * - `after-call-work-status-code`: An agent in After Call Work (ACW) has status code 3. (strict reading only)
   * - `available-means-available-status`: An agent taking calls on the browser or mobile has the common status "Available", or "Forward to phone" when that browser status takes precedence. (strict reading only)
   * - `forward-to-phone-is-the-browser-status`: The common status is "Forward to phone" only when that is the browser status. (strict reading only)
   * - `forward-to-phone-is-on-mobile`: The common status is "Forward to phone" only for an agent available on mobile. (strict reading only)
   * - `actor-agent-custom-status-code`: The actor's agent record with one of the custom statuses the page names (Away, In a meeting) has status code 0. (strict reading only)
   * - `actor-agent-offline-status-code`: The actor's agent record with selected status Offline has status code 0. (strict reading only)
   * - `actor-agent-online-status-code`: The actor's agent record with selected status Online has status code 1. (strict reading only)
   * - `actor-agent-busy-status-code`: The actor's agent record with selected status Busy has status code 2. (strict reading only)
   * - `actor-agent-after-call-work-status-code`: The actor's agent record in After Call Work (ACW) has status code 3. (strict reading only)
   * - `actor-agent-available-means-available-status`: The actor's agent record, taking calls on the browser or mobile, has the common status "Available", or "Forward to phone" when that browser status takes precedence. (strict reading only)
   * - `actor-agent-forward-to-phone-is-the-browser-status`: The actor's agent record's common status is "Forward to phone" only when that is its browser status. (strict reading only)
   * - `actor-agent-forward-to-phone-is-on-mobile`: The actor's agent record's common status is "Forward to phone" only when it is available on mobile. (strict reading only)
   * - `model-changes-name-agent-attributes`: Every key of changes.model_changes is an attribute of agent. (strict reading only)
   * - `agent-record-order`: The agent record was created no later than it was last updated.
   * - `actor-record-order`: The actor's record was created no later than it was last updated.
   * - `sign-in-order`: The previous session started no later than the current one.
   */
  export namespace OnAgentUpdate {
    /** A whole onAgentUpdate payload: the envelope and its `data`. */
    export interface Payload {
      /**
       * The Freshworks account the event belongs to.
       *
       * Sent as a numeric string in every real payload.
       *
       * An id, documented as a string.
       */
      account_id: string;
      /**
       * Host name of the product account that raised the event.
       *
       * Also tells products apart when two of them raise an event of the same name.
       */
      domain: string;
      /** Name of the event, as registered in the app's manifest. */
      event: "onAgentUpdate";
      /** Data-centre region of the account (US, EU, IND, AUS, ...). */
      region: string;
      /**
       * When the platform emitted the event.
       *
       * Real payloads send it as integer milliseconds (Freshchat), float seconds (Freshdesk) and a numeric string of milliseconds (Freshsales); all three are read.
       *
       * Timestamp, documented as EpochMillis or EpochSeconds or EpochMillisString.
       */
      timestamp: Wire.EpochMillis | Wire.EpochSeconds | Wire.EpochMillisString;
      /** Version of the payload format. */
      version: string;
      /** The event's own attributes, described per event. */
      data: Data;
      /** Installation parameters of the app, when the simulator or platform adds them. */
      iparams?: { [key: string]: unknown };
      /** App-level settings, when present. */
      app_settings?: { [key: string]: unknown };
    }

    /** Raised when a phone agent's status changes or the agent signs in or out. The page speaks of "the Freshworks system"; its attributes (available_on, browser and mobile status, calls) are Freshcaller's. Freshdesk raises an event of the same name with a different shape, which this spec does not cover. */
    export interface Data {
      /** The user who caused the change, with their agent record. */
      actor: Actor;
      /** The agent whose record changed. */
      agent: PhoneAgent;
      /** Objects related to the agent; the page lists none. */
      associations: Associations;
      /** What changed in the agent record, each attribute as [old, new]. */
      changes: ModelChanges;
    }

    /** The user who caused the change, with their agent record. */
    export interface Actor {
      /**
       * Whether the actor administers the account.
       *
       * Lenient reading: may be absent, may be null.
       */
      account_admin: boolean;
      /**
       * The Freshworks account.
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      account_id: number;
      /**
       * The actor's agent record.
       *
       * Lenient reading: may be absent, may be null.
       */
      agent: PhoneAgent;
      /**
       * Whether the actor activated the account from the activation email.
       *
       * Lenient reading: may be absent, may be null.
       */
      confirmed: boolean;
      /**
       * When the actor's record was created.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      created_at: Wire.Iso8601 | Wire.UtcText;
      /**
       * When the actor's current session started.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      current_sign_in_at: Wire.Iso8601 | Wire.UtcText;
      /**
       * Whether the actor's record is deleted.
       *
       * Lenient reading: may be absent, may be null.
       */
      deleted: boolean;
      /**
       * The actor's Facebook account.
       *
       * An id, documented as a string.
       *
       * Lenient reading: may be absent, may be null.
       */
      facebook_id: string;
      /**
       * Failed sign-in attempts; too many lock the actor out.
       *
       * Lenient reading: may be absent, may be null.
       */
      failed_attempts: number;
      /**
       * The actor's identifier in Freshworks' master record.
       *
       * Lenient reading: may be absent, may be null.
       */
      freshid_uuid: string;
      /**
       * The actor's user id; equals agent.user_id in this event.
       *
       * Where the docs differ: The page says the value "is agent.user_id" without saying which agent record it means. Its paths are written from data (actor.name "is agent.name"), so it is data.agent.user_id; actor.agent describes the same updated agent, so its user_id is actor.id too. Rules actor-is-the-agent-user and actor-agent-is-the-actor.
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      id: number;
      /**
       * The actor's preferred language.
       *
       * Lenient reading: may be absent, may be null.
       */
      language: string;
      /**
       * When the actor's previous session started.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      last_sign_in_at: Wire.Iso8601 | Wire.UtcText;
      /**
       * When the actor was locked out after failed sign-ins.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      locked_at: Wire.Iso8601 | Wire.UtcText;
      /**
       * The actor's mobile number.
       *
       * Lenient reading: may be absent, may be null.
       */
      mobile: string;
      /**
       * The actor's name; equals agent.name in this event.
       *
       * Lenient reading: may be absent, may be null.
       */
      name: string;
      /**
       * The actor's telephone number.
       *
       * Lenient reading: may be absent, may be null.
       */
      phone: string;
      /**
       * The actor's primary email address record.
       *
       * Lenient reading: may be absent, may be null.
       */
      primary_email: PrimaryEmail;
      /**
       * How many times the actor has signed in.
       *
       * Lenient reading: may be absent, may be null.
       */
      sign_in_count: number;
      /**
       * The actor's time zone.
       *
       * Lenient reading: may be absent, may be null.
       */
      time_zone: string;
      /**
       * The actor's Twitter account.
       *
       * An id, documented as a string.
       *
       * Lenient reading: may be absent, may be null.
       */
      twitter_id: string;
      /**
       * When the actor's record last changed.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      updated_at: Wire.Iso8601 | Wire.UtcText;
      /**
       * Generated unique identifier of the user.
       *
       * Lenient reading: may be absent, may be null.
       */
      uuid: string;
    }

    /** The actor's primary email address record. */
    export interface PrimaryEmail {
      /**
       * The Freshworks account.
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      account_id: number;
      /**
       * Whether the address was confirmed from the activation email.
       *
       * Lenient reading: may be absent, may be null.
       */
      confirmed: boolean;
      /**
       * When the address record was created.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      created_at: Wire.Iso8601 | Wire.UtcText;
      /**
       * The address.
       *
       * Lenient reading: may be absent, may be null.
       */
      email: string;
      /**
       * Identifier of the address record.
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      id: number;
      /**
       * Whether this is the primary address; always true here.
       *
       * Lenient reading: may be absent, may be null.
       */
      primary_email: boolean;
      /**
       * When the address record last changed.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      updated_at: Wire.Iso8601 | Wire.UtcText;
      /**
       * The user the address belongs to.
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      user_id: number;
    }

    /** Objects related to the agent; the page lists none. */
    export interface Associations {}

    /** A Freshcaller agent record. The page describes it twice, as actor.agent and as agent, with the same attributes. */
    export interface PhoneAgent {
      /**
       * The Freshworks account.
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      account_id: number;
      /**
       * Where the agent takes calls now.
       *
       * Forward-open: the page's "Possible values" are the media an agent takes calls on today (offline, browser, mobile app); a medium added later is kept, and strict reports it as undocumented.
       *
       * Lenient reading: may be absent, may be null.
       */
      available_on: CallMedium;
      /**
       * Identifier of the agent's status in the browser.
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      browser_status_id: number;
      /**
       * The agent's status in the browser.
       *
       * Lenient reading: may be absent, may be null.
       */
      browser_status_name: string;
      /**
       * Identifier of the agent's overall status, combining browser and mobile.
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      common_status_id: number;
      /**
       * The agent's overall status: "Available" when the agent takes calls on the browser or the mobile, unless the browser status "Forward to phone" takes precedence.
       *
       * Lenient reading: may be absent, may be null.
       */
      common_status_name: string;
      /**
       * When the agent record was created.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      created_at: Wire.Iso8601 | Wire.UtcText;
      /**
       * Whether the agent record is deleted.
       *
       * Lenient reading: may be absent, may be null.
       */
      deleted: boolean;
      /**
       * The agent's email address.
       *
       * Lenient reading: may be absent, may be null.
       */
      email: string;
      /**
       * The agent's identifier in Freshworks' master record.
       *
       * Lenient reading: may be absent, may be null.
       */
      freshid_uuid: string;
      /**
       * Identifier of the agent record.
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      id: number;
      /**
       * When the agent handled the last call.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      last_call_at: Wire.Iso8601 | Wire.UtcText;
      /**
       * When the agent was last active.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      last_seen_at: Wire.Iso8601 | Wire.UtcText;
      /**
       * When the agent's status last changed.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      last_status_change_at: Wire.Iso8601 | Wire.UtcText;
      /**
       * Whether the agent is signed in.
       *
       * Lenient reading: may be absent, may be null.
       */
      logged_in: boolean;
      /**
       * Identifier of the agent's status in the mobile app.
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      mobile_app_status_id: number;
      /**
       * The agent's status in the mobile app.
       *
       * Lenient reading: may be absent, may be null.
       */
      mobile_app_status_name: string;
      /**
       * The agent's name.
       *
       * Lenient reading: may be absent, may be null.
       */
      name: string;
      /**
       * The medium the agent last chose; used to restore availability after sign-in or after a call.
       *
       * Lenient reading: may be absent, may be null.
       */
      preference: CallMedium;
      /**
       * The agent's status code; 0 for any custom status.
       *
       * Forward-open: the page gives the codes of "the default agent statuses" and maps every custom status to 0, so a new code would come only with a new default status; such a code is kept, and strict reports it as undocumented.
       *
       * Lenient reading: may be absent, may be null.
       */
      status: PhoneAgentStatus;
      /**
       * The teams the agent belongs to.
       *
       * Lenient reading: may be absent, may be null.
       */
      teams: Team[];
      /**
       * The agent's time zone, as a Rails time zone name.
       *
       * Lenient reading: may be absent, may be null.
       */
      time_zone: string;
      /**
       * When the agent record last changed.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      updated_at: Wire.Iso8601 | Wire.UtcText;
      /**
       * The agent's id as a user; every agent is also a user.
       *
       * Where the docs differ: The page lists user_id twice, with the same text; it is one attribute.
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      user_id: number;
    }

    /**
     * Where an agent takes calls.
     *
     * - `0` (Offline): Offline; takes no calls.
     * - `1` (Browser): Takes calls in the browser.
     * - `2` (Mobile): Takes calls on the mobile app.
     *
     * Open in the lenient reading; the strict one allows only the listed values.
     */
    export type CallMedium = 0 | 1 | 2;

    /**
     * A Freshcaller agent's status code.
     *
     * - `0` (Offline): Offline, or any custom status.
     * - `1` (Online): Online.
     * - `2` (Busy): Busy, e.g. on a call.
     * - `3` (AfterCallWork): After call work, until the conversation widget closes.
     *
     * Open in the lenient reading; the strict one allows only the listed values.
     */
    export type PhoneAgentStatus = 0 | 1 | 2 | 3;

    /** A team an agent belongs to. */
    export interface Team {
      /**
       * Identifier of the team.
       *
       * An id, documented as a string.
       *
       * Lenient reading: may be absent, may be null.
       */
      id: string;
      /**
       * Name of the team.
       *
       * Lenient reading: may be absent, may be null.
       */
      name: string;
    }

    /**
     * What changed in a Freshdesk or Freshcaller record: each changed attribute maps to its value before and after the change.
     *
     * This event's reading of the shared type: only the attributes its page lists.
     */
    export interface ModelChanges {
      /**
       * Changed attributes of the record, each as [old, new].
       *
       * Lenient reading: may be absent, may be null.
       */
      model_changes: { [key: string]: [old: unknown, new: unknown] };
    }
  }
}

/** Freshsales events. */
export namespace Freshsales {
  /** Every Freshsales event in the spec. */
  export type AnyEvent = OnUserAgentAvailabilityUpdate.Payload;

  /**
   * Raised when a Freshsales user marks themselves available or unavailable. User availability is an internal feature that not every Freshsales account has.
   *
   * Raised by Freshsales; `event` is `"onUserAgentAvailabilityUpdate"`.
   *
   * Rules the validator checks:
   * - `actor-is-agent`: Only agents change their availability. (strict reading only)
   * - `changes-name-availability-attributes`: Every key of changes is an attribute of user_agent_availability. (strict reading only)
   */
  export namespace OnUserAgentAvailabilityUpdate {
    /** A whole onUserAgentAvailabilityUpdate payload: the envelope and its `data`. */
    export interface Payload {
      /**
       * The Freshworks account the event belongs to.
       *
       * Sent as a numeric string in every real payload.
       *
       * An id, documented as a string.
       */
      account_id: string;
      /**
       * Host name of the product account that raised the event.
       *
       * Also tells products apart when two of them raise an event of the same name.
       */
      domain: string;
      /** Name of the event, as registered in the app's manifest. */
      event: "onUserAgentAvailabilityUpdate";
      /** Data-centre region of the account (US, EU, IND, AUS, ...). */
      region: string;
      /**
       * When the platform emitted the event.
       *
       * Real payloads send it as integer milliseconds (Freshchat), float seconds (Freshdesk) and a numeric string of milliseconds (Freshsales); all three are read.
       *
       * Timestamp, documented as EpochMillis or EpochSeconds or EpochMillisString.
       */
      timestamp: Wire.EpochMillis | Wire.EpochSeconds | Wire.EpochMillisString;
      /** Version of the payload format. */
      version: string;
      /** The event's own attributes, described per event. */
      data: Data;
      /** Installation parameters of the app, when the simulator or platform adds them. */
      iparams?: { [key: string]: unknown };
      /** App-level settings, when present. */
      app_settings?: { [key: string]: unknown };
    }

    /** Raised when a Freshsales user marks themselves available or unavailable. User availability is an internal feature that not every Freshsales account has. */
    export interface Data {
      /** The user who changed their availability. */
      actor: Actor;
      /** Objects related to the availability record; the page lists none. */
      associations: Associations;
      /** Each changed attribute of user_agent_availability mapped to its change. */
      changes: { [key: string]: AttributeChange };
      /** The user's availability across channels after the change. */
      user_agent_availability: UserAgentAvailability;
    }

    /** The user who changed their availability. */
    export interface Actor {
      /**
       * Free text about the user, entered when the user was created.
       *
       * Missing from the real payload; only strict mode requires it.
       *
       * Lenient reading: may be absent, may be null.
       */
      description: string;
      /**
       * The user's id.
       *
       * Where the docs differ: Documented as an integer; the real payload sends a numeric string ("132").
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      id: number;
      /**
       * The user's full name.
       *
       * Lenient reading: may be absent, may be null.
       */
      name: string;
      /**
       * Always an agent for this event.
       *
       * Where the docs differ: The page lists only "agent"; the shared ActorType also allows "system", and the rule actor-is-agent holds this event to "agent".
       *
       * Lenient reading: may be absent, may be null.
       */
      type: Types.ActorType;
    }

    /** Objects related to the availability record; the page lists none. */
    export interface Associations {}

    /** How one attribute changed. */
    export interface AttributeChange {
      /**
       * The change as pairs of [old, new] values, one pair per element for array attributes.
       *
       * Where the docs differ: The format on the page writes [["Old value"], ["New value"]], while the page's example and the real payload send one [old, new] pair per array element (one for chat, one for freshsales). Both are pairs: each item is a two-item [old, new] array, and an item of any other length is refused.
       *
       * Lenient reading: may be absent, may be null.
       */
      changed: ([old: unknown, new: unknown])[];
    }

    /** The user's availability across channels after the change. */
    export interface UserAgentAvailability {
      /**
       * The user's availability per channel.
       *
       * Lenient reading: may be absent, may be null.
       */
      channel_preferences: ChannelPreference[];
      /**
       * The user's universally unique identifier.
       *
       * Lenient reading: may be absent, may be null.
       */
      user_uuid: string;
      /**
       * Details of the user.
       *
       * Lenient reading: may be absent, may be null.
       */
      user_information: UserInformation[];
    }

    /** `data.user_agent_availability.channel_preferences[]` in the spec. */
    export interface ChannelPreference {
      /**
       * Whether the user is available in this channel.
       *
       * Lenient reading: may be absent, may be null.
       */
      available: boolean;
      /**
       * The channel's name, e.g. "chat" or "freshsales".
       *
       * Lenient reading: may be absent, may be null.
       */
      channel: string;
      /**
       * Whether the user can use this channel at all, available or not.
       *
       * Lenient reading: may be absent, may be null.
       */
      enabled: boolean;
    }

    /** `data.user_agent_availability.user_information[]` in the spec. */
    export interface UserInformation {
      /**
       * The Freshsales account the user belongs to.
       *
       * An id, documented as an integer.
       *
       * Lenient reading: may be absent, may be null.
       */
      account_id: number;
      /**
       * The user's email address.
       *
       * Lenient reading: may be absent, may be null.
       */
      email: string;
      /**
       * The user's full name.
       *
       * Lenient reading: may be absent, may be null.
       */
      name: string;
      /**
       * When the availability record last changed.
       *
       * Timestamp, documented as Iso8601 or UtcText.
       *
       * Lenient reading: may be absent, may be null.
       */
      updated_at: Wire.Iso8601 | Wire.UtcText;
      /**
       * The user whose availability changed.
       *
       * Where the docs differ: Documented as a string; the real payload sends an integer (132).
       *
       * An id, documented as a string.
       *
       * Lenient reading: may be absent, may be null.
       */
      user_id: string;
    }
  }
}

/** Every event of the spec, discriminated by `event`. */
export type AnyEvent =
  | Freshcaller.OnAgentUpdate.Payload
  | Freshchat.OnAgentActivityCreate.Payload
  | Freshchat.OnAgentCustomStatusUpdate.Payload
  | Freshdesk.OnAgentAvailabilityUpdate.Payload
  | Freshsales.OnUserAgentAvailabilityUpdate.Payload;

/** The name of every event in the spec, as the envelope's `event` gives it. */
export type EventName = AnyEvent["event"];

/** The payloads of the events named `N` (several when products share the name). */
export type EventOf<N extends EventName> = Extract<AnyEvent, { event: N }>;

/** Every event by `product/event`, the name the command line uses; the key to narrow on `domain`. */
export interface ByQualifiedName {
  "freshcaller/onAgentUpdate": Freshcaller.OnAgentUpdate.Payload;
  "freshchat/onAgentActivityCreate": Freshchat.OnAgentActivityCreate.Payload;
  "freshchat/onAgentCustomStatusUpdate": Freshchat.OnAgentCustomStatusUpdate.Payload;
  "freshdesk/onAgentAvailabilityUpdate": Freshdesk.OnAgentAvailabilityUpdate.Payload;
  "freshsales/onUserAgentAvailabilityUpdate": Freshsales.OnUserAgentAvailabilityUpdate.Payload;
}
