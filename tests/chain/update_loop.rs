//! `scripts/update-from-pages.sh` end to end: a folder of saved pages with one page changed
//! by the vendor, one unchanged and one of an event the spec lacks; with a folder of
//! payloads; bad arguments exit 2, and a page named for no product is refused before
//! anything is written. The GitHub workflow that runs it is valid for GitHub Actions
//! (check-jsonschema) and runs step by step on a pull request.

use std::process::Command;

use crate::common::{self, text, TempDir};

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
    // The renamed attribute is in a shared type: the finding says how to declare it when
    // only the other event's page lists it.
    assert!(
        out.contains(
            "| **difference** |  | `data.agent_activity.emoji` | in the spec, not on the page; ChatAgentStatus is shared with \
             onAgentCustomStatusUpdate: if only their pages list it, declare it on types.ChatAgentStatus.emoji with \
             `doc: { only: [onAgentCustomStatusUpdate] }` |"
        ),
        "{out}"
    );
    // The unchanged page: quirks only.
    assert!(out.contains("against freshsales/onUserAgentAvailabilityUpdate\n\n0 unexplained difference(s)"), "{out}");
    // The new event: drafted, linted, and in the diff.
    let draft = drafts.join("freshdesk/onAgentStatusUpdate.yaml");
    let yaml = std::fs::read_to_string(&draft).expect("the draft is written");
    assert!(yaml.contains("event: onAgentStatusUpdate\nproduct: freshdesk\n"), "{yaml}");
    assert!(out.contains(&format!("- `{}` from `freshdesk-onAgentStatusUpdate.txt`", draft.display())), "{out}");
    assert!(out.contains("The drafts pass `fwevents lint` beside the spec."), "{out}");
    assert!(out.contains("Semver: minor."), "{out}");
    assert!(out.contains("| minor | compatible | (event) | `event-added` added |"), "{out}");
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

/// The checked-in workflow, as YAML.
fn workflow() -> serde_yaml::Value {
    serde_yaml::from_str(&std::fs::read_to_string(common::root().join(".github/workflows/spec.yml")).unwrap()).unwrap()
}

#[test]
fn the_workflow_is_valid_for_github_actions() {
    // check-jsonschema carries the schema of workflow files (SchemaStore's) and works offline.
    let check = common::python_tool("check-jsonschema", "0.39.0", "check-jsonschema");
    let o = Command::new(check)
        .args(["--builtin-schema", "vendor.github-workflows"])
        .arg(common::root().join(".github/workflows/spec.yml"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}{}", text(&o.stdout), text(&o.stderr));
    // And it can fail: a step with neither `run` nor `uses` is refused.
    let tmp = TempDir::new("workflow-bad");
    let bad = tmp.0.join("bad.yml");
    std::fs::write(&bad, "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - name: nothing\n        with: {a: 1}\n")
        .unwrap();
    let check = common::python_tool("check-jsonschema", "0.39.0", "check-jsonschema");
    let o = Command::new(check).args(["--builtin-schema", "vendor.github-workflows"]).arg(&bad).output().unwrap();
    assert!(!o.status.success(), "{}", text(&o.stdout));
}

/// Runs the workflow's `run` steps one after another in `repo`, as the runner does (bash
/// with -e and pipefail, the job's env, a step summary file), after the checkout and the
/// build: the binary this test run built stands where the build step puts it. Returns each
/// step's name and exit code, and the step summary.
fn run_workflow(repo: &std::path::Path, base: &str) -> (Vec<(String, Option<i32>)>, String) {
    let wf = workflow();
    let job = &wf["jobs"]["spec"];
    let summary = repo.join("step-summary.md");
    std::fs::write(&summary, "").unwrap();
    let binary = repo.join("target/debug/fwevents");
    std::fs::create_dir_all(binary.parent().unwrap()).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_fwevents"), &binary).unwrap();
    let mut results = Vec::new();
    for step in job["steps"].as_sequence().unwrap() {
        let Some(script) = step["run"].as_str() else { continue };
        let name = step["name"].as_str().unwrap_or(script).to_string();
        if script.starts_with("cargo build") {
            continue;
        }
        // `if: hashFiles('pages/*.txt') != ''`, the one condition the workflow has.
        if let Some(cond) = step["if"].as_str() {
            assert_eq!(cond, "hashFiles('pages/*.txt') != ''", "a condition this test does not know");
            let pages =
                std::fs::read_dir(repo.join("pages")).map(|d| d.flatten().any(|e| e.path().extension().is_some_and(|x| x == "txt")));
            if !pages.unwrap_or(false) {
                continue;
            }
        }
        let mut cmd = Command::new("bash");
        cmd.args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script]).current_dir(repo).env("GITHUB_STEP_SUMMARY", &summary);
        for (key, value) in job["env"].as_mapping().unwrap() {
            let (key, value) = (key.as_str().unwrap(), value.as_str().unwrap());
            // Expressions are the runner's: the base branch is the test's.
            let value = if value.contains("${{") { base.to_string() } else { value.to_string() };
            cmd.env(key, value);
        }
        let o = cmd.output().unwrap();
        results.push((format!("{name}: {}{}", text(&o.stdout), text(&o.stderr)), o.status.code()));
    }
    (results, std::fs::read_to_string(&summary).unwrap())
}

fn git(repo: &std::path::Path, args: &[&str]) {
    let o = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(repo)
        .output()
        .unwrap();
    assert!(o.status.success(), "git {args:?}: {}", text(&o.stderr));
}

#[test]
fn the_workflow_runs_step_by_step_on_a_pull_request() {
    let tmp = TempDir::new("workflow-run");
    let repo = tmp.0.join("repo");
    std::fs::create_dir_all(repo.join("scripts")).unwrap();
    for f in codegen::source::read_spec_dir(&common::root().join("spec")).unwrap() {
        let path = repo.join("spec").join(&f.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, f.text).unwrap();
    }
    std::fs::copy(common::root().join("scripts/update-from-pages.sh"), repo.join("scripts/update-from-pages.sh")).unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "base"]);
    git(&repo, &["checkout", "-q", "-b", "pr"]);

    // The pull request adds a value to a closed, shared enum, and saves a page.
    let types = repo.join("spec/types.yaml");
    let text_before = std::fs::read_to_string(&types).unwrap();
    let system = "      - { value: system, description: \"The product itself, e.g. an automatic status change.\" }\n";
    std::fs::write(&types, text_before.replacen(system, &format!("{system}      - {{ value: bot }}\n"), 1)).unwrap();
    std::fs::create_dir_all(repo.join("pages")).unwrap();
    std::fs::copy(
        common::root().join("../shared/docs/freshsales-onUserAgentAvailabilityUpdate.txt"),
        repo.join("pages/freshsales-onUserAgentAvailabilityUpdate.txt"),
    )
    .unwrap();
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "bots"]);

    let (steps, summary) = run_workflow(&repo, "main");
    let codes: Vec<Option<i32>> = steps.iter().map(|(_, c)| *c).collect();
    // Lint passes; the breaking change fails the diff step, with an annotation for the diff view.
    assert_eq!(codes[0], Some(0), "{steps:?}");
    assert_eq!(codes[1], Some(1), "{steps:?}");
    assert!(steps[1].0.contains("::error file=spec/types.yaml,line="), "{steps:?}");
    assert!(steps[1].0.contains("title=fwevents diff%3A breaking::ActorType: enum value \"bot\" added (closed enum)"), "{steps:?}");
    assert!(summary.starts_with("**Spec changes: 1 breaking, 0 compatible change(s) for payload consumers. Semver: major.**"), "{summary}");

    // Accepted with a reason, it passes, and the update loop runs on the saved page.
    std::fs::write(
        repo.join("accepted-changes.yaml"),
        "accepted:\n  - id: enum-value-added-closed\n    path: types.ActorType\n    reason: Bots act since the March release.\n",
    )
    .unwrap();
    let (steps, summary) = run_workflow(&repo, "main");
    assert_eq!(steps.len(), 3, "{steps:?}");
    assert!(steps.iter().all(|(_, code)| *code == Some(0)), "{steps:?}");
    assert!(steps[1].0.contains("::notice ") && steps[1].0.contains("[accepted: Bots act since the March release.]"), "{steps:?}");
    assert!(summary.contains("0 breaking, 0 compatible, 1 accepted change(s)"), "{summary}");
    assert!(
        summary.contains("# Spec update from saved pages") && summary.contains("against freshsales/onUserAgentAvailabilityUpdate"),
        "{summary}"
    );
}

#[test]
fn a_page_whose_name_names_no_product_is_refused_before_anything_is_written() {
    let tmp = TempDir::new("update-loop-names");
    let pages = tmp.0.join("pages");
    let drafts = tmp.0.join("drafts");
    std::fs::create_dir_all(&pages).unwrap();
    std::fs::write(pages.join("-rf-x.txt"), "Attributes of the data object\n- idstring\nThe id.\n").unwrap();
    let o = run_script(&[pages.to_str().unwrap(), drafts.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stdout));
    assert!(text(&o.stderr).contains("-rf-x.txt is not named <product>-<event>.txt"), "{}", text(&o.stderr));
    assert!(!drafts.exists(), "nothing drafted, no drafts//x.yaml");
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
