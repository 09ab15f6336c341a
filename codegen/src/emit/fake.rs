//! What kind of realistic value a fixture makes for an attribute, guessed from its name
//! and the type that holds it. The derive reads it from the field's `fake = "..."`.

/// The kind of realistic value attribute `wire` of type `owner` holds, as the name of a
/// `Fake` variant in snake case.
pub fn kind(owner: &str, wire: &str) -> &'static str {
    let w = wire.to_ascii_lowercase();
    if owner.contains("Team") && w == "name" {
        "team_name"
    } else if owner == "Status" && w == "name" {
        "status_name"
    } else if w == "account_id" {
        "account"
    } else if w.contains("email") {
        "email"
    } else if w == "first_name" {
        "first_name"
    } else if w == "last_name" {
        "last_name"
    } else if w.contains("status_name") || w.ends_with("status") {
        "status_name"
    } else if w == "name" || w.ends_with("_name") {
        "full_name"
    } else if w.contains("phone") || w.contains("mobile") {
        "phone"
    } else if w.contains("url") {
        "url"
    } else if w.contains("uuid") || w == "id" || w.contains("org_") || w.contains("custom_status_id") {
        "uuid"
    } else if w.contains("emoji") {
        "emoji"
    } else if w.contains("time_zone") || w.contains("timezone") {
        "time_zone"
    } else if w.contains("language") {
        "language"
    } else if w == "domain" {
        "domain"
    } else if w == "region" {
        "region"
    } else if w == "version" {
        "version"
    } else if w.contains("description") {
        "sentence"
    } else if w == "channel" {
        "channel"
    } else if w.contains("count") || w.contains("attempts") {
        "count"
    } else if w.contains("deleted") || w.contains("locked") || w.contains("admin") {
        "flag_off"
    } else if matches!(w.as_str(), "available" | "enabled" | "confirmed" | "logged_in" | "login_status" | "primary_email") {
        "flag"
    } else {
        "word"
    }
}
