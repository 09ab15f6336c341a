//! The builders as the README shows them (nested editors, strict and lenient builds, every
//! problem at once), and a nested object's own builder, which checks that object alone.

use freshworks_events::freshchat::on_agent_activity_create::Payload;
use freshworks_events::types::ActorType;
use freshworks_events::{Field, Mode};

#[test]
fn builders_override_nested_fields_and_report_every_problem() {
    let payload = Payload::builder().data_with(|d| d.actor_with(|a| a.first_name("Maria").email(Field::Null))).build().unwrap();
    let actor = payload.data.get().unwrap().actor.get().unwrap();
    assert_eq!(actor.first_name(), Some("Maria"));
    assert!(actor.email.is_null());
    // The docs give the actor's email as null only for a system actor: strict refuses it
    // for an agent, and accepts it once the actor is the system.
    let strict: Vec<String> = payload.validate(Mode::Strict).violations.iter().map(|v| v.path.clone()).collect();
    assert_eq!(strict, ["/data/actor/email"]);
    let system = Payload::builder()
        .data_with(|d| d.actor_with(|a| a.r#type(ActorType::System).email(Field::Null)))
        .apply_rules()
        .build_in(Mode::Strict);
    assert!(system.is_ok(), "{system:?}");

    let report = Payload::builder()
        .event(Field::Absent)
        .data_with(|d| d.agent_activity_with(|a| a.status(Field::Null).prev_status_change_timestamp(Field::invalid("soon"))))
        .build_in(Mode::Strict)
        .unwrap_err();
    let paths: Vec<&str> = report.violations.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths, ["/event", "/data/agent_activity/prev_status_change_timestamp", "/data/agent_activity/status"]);
}

#[test]
fn nested_builders_check_their_own_object() {
    use freshworks_events::types::ChatActor;
    let report = ChatActor::builder().login_status(Field::Absent).build_in(Mode::Strict).unwrap_err();
    assert_eq!(report.violations[0].path, "/login_status");
    assert_eq!(report.violations[0].kind, freshworks_events::Kind::Missing);
}
