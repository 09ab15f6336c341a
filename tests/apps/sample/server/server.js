// @ts-check
// The serverless side of a sample Freshworks app that forwards agent status changes. It is
// plain JavaScript, as the platform runs it, type-checked through JSDoc against the
// declarations of the freshworks-events npm package (`import("freshworks-events")`), whose
// validator it runs on every payload before using it.

const { validate, isEvent } = require("freshworks-events");

/** @typedef {import("freshworks-events").Lenient.AnyEvent} AnyEvent */
/** @typedef {import("freshworks-events").Lenient.ByQualifiedName} ByQualifiedName */
/** @typedef {import("freshworks-events").Wire.Timestamp} Timestamp */

exports = {
  /** @param {import("freshworks-events").Lenient.EventOf<"onAgentActivityCreate">} payload */
  onAgentActivityCreateHandler: function (payload) {
    if (!checked(payload)) return;
    const activity = payload.data?.agent_activity;
    const who = payload.data?.actor?.type === "system" ? "the system" : payload.data?.actor?.email ?? "someone";
    console.log(`${who} set ${activity?.email} to ${activity?.status ?? "?"} at ${millis(activity?.status_change_timestamp)}`);
  },

  /** @param {import("freshworks-events").Lenient.EventOf<"onAgentCustomStatusUpdate">} payload */
  onAgentCustomStatusUpdateHandler: function (payload) {
    if (!checked(payload)) return;
    // `changes` maps an attribute to [new, old]; the tuple's labels say so.
    const [now, before] = payload.data?.changes?.status ?? [];
    console.log(`custom status ${String(before)} -> ${String(now)}`);
  },

  /** @param {AnyEvent} payload */
  onUserAgentAvailabilityUpdateHandler: function (payload) {
    if (!checked(payload)) return;
    console.log(describe(payload));
  },

  /** @param {import("freshworks-events").Lenient.EventOf<"onAgentAvailabilityUpdate">} payload */
  onAgentAvailabilityUpdateHandler: function (payload) {
    if (!checked(payload)) return;
    console.log(describe(payload));
  },

  /**
   * Freshdesk and Freshcaller both raise onAgentUpdate; the spec describes Freshcaller's.
   * @param {AnyEvent} payload
   */
  onAgentUpdateHandler: function (payload) {
    // The package's guard checks the event, the product and every attribute at once.
    if (isEvent(payload, "freshcaller/onAgentUpdate")) {
      console.log(`valid ${validate(payload).event}`);
    }
    if (isFrom(payload, "freshcaller/onAgentUpdate")) {
      // Narrowed by `event` and by `domain`: the Freshcaller agent record.
      console.log(`${payload.data?.agent?.name} is ${payload.data?.agent?.common_status_name}`);
    }
  },

  /**
   * An event the spec does not cover: untyped.
   * @param {{ event: string }} payload
   */
  onConversationCreateHandler: function (payload) {
    console.log(payload.event);
  },
};

/**
 * Validates a payload as the Rust models would, and says what is wrong with it.
 * @param {unknown} payload
 * @returns {boolean}
 */
function checked(payload) {
  const report = validate(payload);
  if (report.valid) {
    console.log(`valid ${report.event}`);
  } else {
    for (const e of report.errors) console.log(`refused: ${e.pointer}: ${e.message}`);
  }
  return report.valid;
}

/**
 * One function for every event: comparing `event` narrows the payload to that event.
 * @param {AnyEvent} payload
 * @returns {string}
 */
function describe(payload) {
  switch (payload.event) {
    case "onAgentActivityCreate":
      return `status ${payload.data?.agent_activity?.status ?? "unknown"}`;
    case "onUserAgentAvailabilityUpdate": {
      const channels = payload.data?.user_agent_availability?.channel_preferences ?? [];
      return `available in ${channels.filter((c) => c.available).map((c) => c.channel).join(", ")}`;
    }
    case "onAgentUpdate": {
      /** @type {number | null | undefined} 0 offline, 1 browser, 2 mobile, or a code added later */
      const medium = payload.data?.agent?.available_on;
      return `takes calls on medium ${medium}`;
    }
    default:
      return payload.event;
  }
}

/**
 * Every timestamp form real payloads use, as milliseconds since the epoch.
 * @param {Timestamp | null | undefined} ts
 * @returns {number | undefined}
 */
function millis(ts) {
  if (ts === null || ts === undefined) return undefined;
  if (typeof ts === "number") return Number.isInteger(ts) && ts > 1e11 ? ts : Math.round(ts * 1000);
  if (/^-?\d+$/.test(ts)) return Number(ts);
  return Date.parse(ts.replace(" UTC", "Z").replace(" ", "T"));
}

/** Domain suffixes of each product's accounts, as the spec lists them. */
const DOMAINS = {
  freshchat: ["freshchat.com"],
  freshdesk: ["freshdesk.com"],
  freshcaller: ["freshcaller.com"],
  freshsales: ["freshsales.io", "myfreshworks.com", "fsales.dev"],
};

/**
 * Two products may raise events of the same name; `domain` tells them apart. TypeScript
 * cannot narrow on a suffix of a string by itself, so this guard does.
 * @template {keyof ByQualifiedName} K
 * @param {AnyEvent} payload
 * @param {K} name
 * @returns {payload is ByQualifiedName[K]}
 */
function isFrom(payload, name) {
  const [product, event] = name.split("/");
  const domain = payload.domain ?? "";
  const suffixes = DOMAINS[/** @type {keyof typeof DOMAINS} */ (product)] ?? [];
  return payload.event === event && suffixes.some((s) => domain === s || domain.endsWith(`.${s}`));
}
