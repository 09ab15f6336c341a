//! `scripts/update-from-pages.sh` end to end: a folder of saved pages with one page changed
//! by the vendor, one unchanged and one of an event the spec lacks.

mod common;

use std::process::Command;

use common::{text, TempDir};

fn run_script(args: &[&str]) -> std::process::Output {
    Command::new("bash")
        .arg(common::root().join("scripts/update-from-pages.sh"))
        .args(args)
        .current_dir(common::root())
        // The binary this test run built, rather than a cargo inside cargo.
        .env("FWEVENTS", env!("CARGO_BIN_EXE_fwevents"))
        .output()
        .expect("bash runs")
}

#[test]
fn the_update_loop_checks_drafts_and_summarises() {
    let tmp = TempDir::new("update-loop");
    let pages = tmp.0.join("pages");
    let drafts = tmp.0.join("drafts");
    std::fs::create_dir_all(&pages).unwrap();
    let docs = common::root().join("../shared/docs");
    // The vendor renamed an attribute on one page...
    let chat = std::fs::read_to_string(docs.join("freshchat-onAgentActivityCreate.txt")).unwrap();
    let changed = chat.replace("- emojistring\nEmoji associated with the status of the agent.\n", "- moodstring\nMood the agent picked.\n");
    assert_ne!(changed, chat);
    std::fs::write(pages.join("freshchat-onAgentActivityCreate.txt"), changed).unwrap();
    // ...left another as it was...
    std::fs::copy(docs.join("freshsales-onUserAgentAvailabilityUpdate.txt"), pages.join("freshsales-onUserAgentAvailabilityUpdate.txt"))
        .unwrap();
    // ...and published a page of a new event.
    std::fs::copy(
        common::root().join("tests/pages/heldout/freshdesk-onAgentStatusUpdate.txt"),
        pages.join("freshdesk-onAgentStatusUpdate.txt"),
    )
    .unwrap();

    let o = run_script(&[pages.to_str().unwrap(), drafts.to_str().unwrap()]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "a difference and a draft need a person:\n{out}\n{}", text(&o.stderr));
    assert!(out.starts_with("# Spec update from saved pages\n"), "{out}");
    // The changed page: both sides of the rename, as differences.
    assert!(out.contains("against freshchat/onAgentActivityCreate\n\n2 unexplained difference(s)"), "{out}");
    assert!(out.contains("| **difference** | 70 | `data.agent_activity.mood` | on the page (string), not in the spec |"), "{out}");
    assert!(out.contains("| **difference** |  | `data.agent_activity.emoji` | in the spec, not on the page |"), "{out}");
    // The unchanged page: quirks only.
    assert!(out.contains("against freshsales/onUserAgentAvailabilityUpdate\n\n0 unexplained difference(s)"), "{out}");
    // The new event: drafted, linted, and in the diff.
    let draft = drafts.join("freshdesk/onAgentStatusUpdate.yaml");
    let yaml = std::fs::read_to_string(&draft).expect("the draft is written");
    assert!(yaml.contains("event: onAgentStatusUpdate\nproduct: freshdesk\n"), "{yaml}");
    assert!(out.contains(&format!("- `{}` from `freshdesk-onAgentStatusUpdate.txt`", draft.display())), "{out}");
    assert!(out.contains("The drafts pass `fwevents lint` beside the spec."), "{out}");
    assert!(out.contains("Semver: minor."), "{out}");
    assert!(out.contains("| minor | compatible | (event) | added |"), "{out}");
}

#[test]
fn pages_that_agree_with_the_spec_exit_0() {
    let tmp = TempDir::new("update-loop-clean");
    std::fs::copy(
        common::root().join("../shared/docs/freshsales-onUserAgentAvailabilityUpdate.txt"),
        tmp.0.join("freshsales-onUserAgentAvailabilityUpdate.txt"),
    )
    .unwrap();
    let o = run_script(&[tmp.0.to_str().unwrap(), tmp.0.join("drafts").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}{}", text(&o.stdout), text(&o.stderr));
    assert!(text(&o.stdout).contains("## New events drafted\n\nNone.\n"), "{}", text(&o.stdout));
}

#[test]
fn bad_arguments_exit_2() {
    let o = run_script(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("usage:"));
    let o = run_script(&["no/such/dir"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("no/such/dir is not a directory"), "{}", text(&o.stderr));
    let tmp = TempDir::new("update-loop-badname");
    std::fs::write(tmp.0.join("page.txt"), "Attributes of the data object\n- idstring\n").unwrap();
    let o = run_script(&[tmp.0.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("is not named <product>-<event>.txt"), "{}", text(&o.stderr));
}

/// With a folder of real payloads, the drafts of flat pages place attributes where the
/// payloads have them, and the summary counts what the payloads carry that a page lacks.
#[test]
fn the_update_loop_takes_a_payload_folder() {
    let tmp = TempDir::new("update-loop-payloads");
    let (pages, drafts, spec) = (tmp.0.join("pages"), tmp.0.join("drafts"), tmp.0.join("spec"));
    std::fs::create_dir_all(&pages).unwrap();
    let page = "freshsales-onUserAgentAvailabilityUpdate.txt";
    std::fs::copy(common::root().join("../shared/docs").join(page), pages.join(page)).unwrap();
    // The spec without the event, so that its page is drafted.
    for f in codegen::source::read_spec_dir(&common::root().join("spec")).unwrap() {
        if f.path != "freshsales/onUserAgentAvailabilityUpdate.yaml" {
            let p = spec.join(&f.path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, f.text).unwrap();
        }
    }
    let payloads = common::root().join("../shared/payloads");
    let out = Command::new("bash")
        .arg(common::root().join("scripts/update-from-pages.sh"))
        .args([pages.to_str().unwrap(), drafts.to_str().unwrap(), payloads.to_str().unwrap()])
        .current_dir(common::root())
        .env("FWEVENTS", env!("CARGO_BIN_EXE_fwevents"))
        .env("SPEC", &spec)
        .output()
        .unwrap();
    let report = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{report}{}", text(&out.stderr));
    assert!(report.contains("The payloads carry 1 attribute(s) the page does not list (not drafted)."), "{report}");
    assert!(report.contains("The drafts pass `fwevents lint` beside the spec."), "{report}");
    let draft = std::fs::read_to_string(drafts.join("freshsales/onUserAgentAvailabilityUpdate.yaml")).unwrap();
    assert!(draft.contains("\n      user_uuid:\n"), "{draft}");
    let missing = Command::new("bash")
        .arg(common::root().join("scripts/update-from-pages.sh"))
        .args([pages.to_str().unwrap(), drafts.to_str().unwrap(), "no/such/payloads"])
        .env("FWEVENTS", env!("CARGO_BIN_EXE_fwevents"))
        .current_dir(common::root())
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}
