// @generated from spec/ by `cargo run -q --bin fwevents -- generate`. Do not edit by hand.

/**
 * Freshworks product event payloads, generated from the spec.
 *
 * Two readings of the documentation:
 * - {@link Lenient}: what real payloads do (ids in either form, every timestamp form,
 *   null for unset values, attributes left out, unknown values of open enums);
 * - {@link Strict}: the documentation to the letter.
 *
 * Each has `AnyEvent`, a union over every event discriminated by `event`:
 *
 * ```ts
 * function handle(payload: Lenient.AnyEvent) {
 *   if (payload.event === "onAgentActivityCreate") {
 *     payload.data?.agent_activity?.status; // Types.AgentStatusName | null | undefined
 *   }
 * }
 * ```
 *
 * Two products may raise events of the same name; then `event` narrows to both, and
 * the account's `domain` tells them apart (a string, so TypeScript cannot narrow on
 * it by itself: write a type guard returning `payload is Lenient.ByQualifiedName[K]`).
 * The products and their domain suffixes:
 * - Acme (`acme`): `acme.test`
 */
export * as Lenient from "./lenient.js";
export * as Strict from "./strict.js";
export * as Wire from "./wire.js";
