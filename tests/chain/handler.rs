//! A service's webhook handler, outside this workspace: `tests/handler` depends on the models
//! crate by path, matches every event of the spec and an unknown one in one `match`, reads the
//! envelope before matching, logs `event.kind()`, and builds payloads under anyhow and
//! `Box<dyn Error>`. Here it is built offline (its own lock file) and run on the real payloads.

use std::path::PathBuf;
use std::process::Command;

use crate::common;

#[test]
fn a_handler_outside_the_workspace_matches_every_event_once() {
    let root = common::root();
    // In this test build's target directory, with its profile: the dependencies of the
    // models crate are the ones it compiled.
    let _turn = common::cargo_turn();
    let files: Vec<PathBuf> = common::real_payloads().into_iter().map(|(name, _)| root.join("../shared/payloads").join(name)).collect();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["run", "--locked", "--offline", "--quiet"])
        .args(common::PROFILE)
        .arg("--manifest-path")
        .arg(root.join("tests/handler/Cargo.toml"))
        .arg("--target-dir")
        .arg(common::own_target())
        .arg("--")
        .args(&files)
        .output()
        .expect("cargo runs");
    let stdout = common::text(&out.stdout);
    assert!(out.status.success(), "the handler failed:\n{stdout}\n{}", common::text(&out.stderr));
    let lines: Vec<&str> = stdout.lines().collect();

    // The real payloads, in file order: the envelope read before the match, the kind logged.
    assert_eq!(
        lines[0],
        "freshchat/onAgentActivityCreate: account 227655214724132 at 1564592339214: chat agent is UNAVAILABLE (valid: true)"
    );
    assert_eq!(
        lines[1],
        "freshchat/onAgentActivityCreate: account 227655214724132 at 1564392319214: chat agent is AVAILABLE (valid: true)"
    );
    assert!(
        lines[2].starts_with("unknown freshdesk/onAgentUpdate: account 13 at 1632216310817: passed on (Freshdesk event"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].starts_with("freshsales/onUserAgentAvailabilityUpdate: account 1712320639099 at 1724133753887: sales user"),
        "{}",
        lines[3]
    );

    // One fixture of every event, each reaching its own arm of the match.
    let arms = [
        ("freshcaller/onAgentUpdate", "phone agent updated"),
        ("freshchat/onAgentActivityCreate", "chat agent is "),
        ("freshchat/onAgentCustomStatusUpdate", "chat agent custom status "),
        ("freshdesk/onAgentAvailabilityUpdate", "desk availability changed"),
        ("freshsales/onUserAgentAvailabilityUpdate", "sales user availability changed"),
    ];
    assert_eq!(lines.len(), files.len() + arms.len() + 3, "{stdout}");
    for (line, (kind, arm)) in lines[files.len()..].iter().zip(arms) {
        assert!(line.starts_with(&format!("{kind}: account ")), "{line}");
        assert!(line.contains(&format!(": {arm}")) && line.ends_with("(valid: true)"), "{line}");
    }

    // An event the spec does not cover: its envelope is still there.
    let unknown = lines[files.len() + arms.len()];
    assert!(unknown.starts_with("unknown freshdesk/onTicketCreate: account 42 at 1700000000000: passed on (Freshdesk event"), "{unknown}");
    assert!(unknown.ends_with("(valid: false)"), "{unknown}");

    // Builders under `?`: a system actor with the nulls its rule asks for, and a refusal
    // whose report is the error.
    assert_eq!(lines[lines.len() - 2], r#"built: onAgentActivityCreate, actor Some("system")"#);
    assert_eq!(lines[lines.len() - 1], "refused: /data/actor/email: expected a string, found null");
}
