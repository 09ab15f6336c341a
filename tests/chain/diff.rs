//! `fwevents diff OLD NEW`: specs copied from the real one, edited, and compared; git
//! revisions; errors.

use std::path::Path;
use std::process::Output;

use codegen::SourceFile;

use crate::common::{self, fwevents, text, TempDir};

/// The real spec, read once per test so that both sides start from the same text.
fn real_spec() -> Vec<SourceFile> {
    codegen::source::read_spec_dir(&common::root().join("spec")).expect("the real spec is readable")
}

fn write_spec(dir: &Path, files: &[SourceFile]) {
    for f in files {
        let path = dir.join(&f.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &f.text).unwrap();
    }
}

/// The real spec as OLD, and as NEW with `from` replaced by `to` in the file `file`.
struct Pair {
    old: TempDir,
    new: TempDir,
}

impl Pair {
    fn new(name: &str, file: &str, from: &str, to: &str) -> Pair {
        let files = real_spec();
        let old = TempDir::new(&format!("diff-{name}-old"));
        let new = TempDir::new(&format!("diff-{name}-new"));
        write_spec(&old.0, &files);
        let edited: Vec<SourceFile> = files
            .into_iter()
            .map(|mut f| {
                if f.path == file {
                    assert!(f.text.contains(from), "{file} no longer contains {from:?}");
                    f.text = f.text.replacen(from, to, 1);
                }
                f
            })
            .collect();
        write_spec(&new.0, &edited);
        Pair { old, new }
    }

    fn diff(&self, extra: &[&str]) -> Output {
        let mut args = vec!["diff", self.old.0.to_str().unwrap(), self.new.0.to_str().unwrap()];
        args.extend_from_slice(extra);
        fwevents(&args, b"")
    }
}

/// The change lines of the text output (indented), without the event headings and summary.
fn change_lines(out: &Output) -> Vec<String> {
    text(&out.stdout).lines().filter(|l| l.starts_with("  ")).map(str::to_string).collect()
}

fn last_line(out: &Output) -> String {
    text(&out.stdout).lines().last().unwrap_or_default().to_string()
}

const SALES: &str = "freshsales/onUserAgentAvailabilityUpdate.yaml";

#[test]
fn the_same_spec_twice_has_no_changes() {
    // An edit that changes nothing: both sides are separate copies of the same text.
    let pair = Pair::new("same", "types.yaml", "types:", "types:");
    let o = pair.diff(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "no changes\n");
}

#[test]
fn a_new_optional_attribute_is_compatible() {
    let pair = Pair::new(
        "optional",
        "types.yaml",
        "      login_status:\n",
        "      nickname:\n        type: string\n        description: What colleagues call the actor.\n        optional: true\n      login_status:\n",
    );
    let o = pair.diff(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout),
        "freshchat/onAgentActivityCreate\n\
         \x20 compatible  attribute-added-optional  data.actor.nickname: added (string, may be absent in strict mode)\n\
         freshchat/onAgentCustomStatusUpdate\n\
         \x20 compatible  attribute-added-optional  data.actor.nickname: added (string, may be absent in strict mode) (in shared type ChatActor)\n\
         0 breaking, 2 compatible change(s)\n"
    );
}

#[test]
fn a_removed_attribute_is_breaking() {
    let pair = Pair::new(
        "removed",
        SALES,
        "            enabled:\n              type: boolean\n              description: Whether the user can use this channel at all, available or not.\n",
        "",
    );
    let o = pair.diff(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_eq!(
        change_lines(&o),
        ["  breaking    attribute-removed  data.user_agent_availability.channel_preferences[].enabled: removed (was boolean)"]
    );
    assert!(text(&o.stdout).starts_with("freshsales/onUserAgentAvailabilityUpdate\n"));
    assert_eq!(last_line(&o), "1 breaking, 0 compatible change(s)");
}

#[test]
fn a_type_change_is_breaking() {
    let pair = Pair::new("type", SALES, "      name:\n        type: string\n", "      name:\n        type: integer\n");
    let o = pair.diff(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_eq!(change_lines(&o), ["  breaking    type-changed  data.actor.name: type changed: string -> integer"]);
}

#[test]
fn a_nullable_attribute_is_breaking() {
    let pair =
        Pair::new("nullable", SALES, "      name:\n        type: string\n", "      name:\n        type: string\n        nullable: true\n");
    let o = pair.diff(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_eq!(change_lines(&o), ["  breaking    null-allowed  data.actor.name: may now be null in strict mode (was not null)"]);
}

#[test]
fn a_value_added_to_an_open_enum_is_compatible() {
    let pair = Pair::new(
        "open-enum",
        "types.yaml",
        "          - { value: linkedin }\n",
        "          - { value: linkedin }\n          - { value: instagram }\n",
    );
    let o = pair.diff(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    // SocialProfile is shared: the change is listed once, naming the other event it reaches.
    assert_eq!(
        change_lines(&o),
        ["  compatible  enum-value-added-open  data.actor.social_profiles[].type: enum value \"instagram\" added (open enum) \
          (in shared type SocialProfile.type; also freshchat/onAgentCustomStatusUpdate)"]
    );
    assert_eq!(last_line(&o), "0 breaking, 1 compatible change(s)");
}

#[test]
fn a_value_added_to_a_closed_enum_is_breaking() {
    let pair = Pair::new(
        "closed-enum",
        "types.yaml",
        "      - { value: system, description: \"The product itself, e.g. an automatic status change.\" }\n",
        "      - { value: system, description: \"The product itself, e.g. an automatic status change.\" }\n      - { value: bot }\n",
    );
    let o = pair.diff(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    // ActorType is shared: one change, naming every event whose actor has a type.
    assert_eq!(
        change_lines(&o),
        ["  breaking    enum-value-added-closed  data.actor.type: enum value \"bot\" added (closed enum) (in shared type ActorType; \
          also freshchat/onAgentCustomStatusUpdate, freshdesk/onAgentAvailabilityUpdate, freshsales/onUserAgentAvailabilityUpdate)"],
        "{out}"
    );
    assert!(out.starts_with("freshchat/onAgentActivityCreate\n"), "{out}");
    assert_eq!(last_line(&o), "1 breaking, 0 compatible change(s)");
}

#[test]
fn a_new_rule_is_breaking() {
    let pair = Pair::new(
        "rule",
        SALES,
        "rules:\n",
        "rules:\n  - id: actor-is-named\n    description: The actor has a name.\n    path: actor.name\n    one_of: [Jay, Maria]\n",
    );
    let o = pair.diff(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_eq!(change_lines(&o), ["  breaking    rule-added  rule actor-is-named: added: actor.name one of [\"Jay\", \"Maria\"]"]);
}

#[test]
fn markdown_renders_a_table_per_event() {
    let pair = Pair::new(
        "markdown",
        SALES,
        "      name:\n        type: string\n        description: The user's full name.\n",
        "      name:\n        type: string\n        description: The user's full name | display name.\n        nullable: true\n",
    );
    let o = pair.diff(&["--format", "markdown"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let md = text(&o.stdout);
    assert_eq!(
        md.lines().take(11).collect::<Vec<_>>().join("\n"),
        "**Spec changes: 1 breaking, 1 compatible change(s) for payload consumers. Semver: major.**\n\
         \n\
         The models crate needs a new major version: code or payloads that worked with it may not.\n\
         \n\
         ## freshsales/onUserAgentAvailabilityUpdate\n\
         \n\
         | Rust API | payloads | attribute | change |\n\
         | --- | --- | --- | --- |\n\
         | **major** | breaking | `data.actor.name` | `null-allowed` may now be null in strict mode (was not null) |\n\
         | patch | compatible | `data.actor.name` | `attribute-description-changed` description changed: \"The user's full name.\" -> \"The user's full name \\| display name.\" |\n\
         "
    );
    assert!(md.ends_with("patch: documentation only.\n"), "{md}");
}

#[test]
fn markdown_reports_a_shared_type_change_once_with_the_events_it_reaches() {
    let pair = Pair::new(
        "markdown-shared",
        "types.yaml",
        "          - { value: linkedin }\n",
        "          - { value: linkedin }\n          - { value: instagram }\n",
    );
    let o = pair.diff(&["--format", "markdown"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let md = text(&o.stdout);
    // One change in both outputs, counted the same.
    assert_eq!(change_lines(&pair.diff(&[])).len(), 1);
    assert!(md.starts_with("**Spec changes: 0 breaking, 1 compatible change(s) for payload consumers. Semver: minor.**\n"), "{md}");
    let rows: Vec<&str> = md.lines().filter(|l| l.contains("instagram")).collect();
    assert_eq!(
        rows,
        ["| minor | compatible | `SocialProfile.type` | `enum-value-added-open` enum value \"instagram\" added (open enum) | \
          freshchat/onAgentActivityCreate (`data.actor.social_profiles[].type`), \
          freshchat/onAgentCustomStatusUpdate (`data.actor.social_profiles[].type`) |"]
    );
    assert!(md.contains("## Shared types (`types.yaml`)"), "{md}");
    assert!(!md.contains("\n## freshchat/"), "no per-event section repeats it:\n{md}");
}

#[test]
fn a_git_revision_against_the_working_spec() {
    let o = fwevents(&["diff", "HEAD", "spec"], b"");
    assert!(matches!(o.status.code(), Some(0 | 1)), "exit {:?}: {}", o.status.code(), text(&o.stderr));
    let summary = last_line(&o);
    assert!(summary == "no changes" || summary.ends_with(" compatible change(s)"), "{}", text(&o.stdout));
    // The explicit form reads the same files.
    let explicit = fwevents(&["diff", "HEAD:spec", "spec"], b"");
    assert_eq!(text(&explicit.stdout), text(&o.stdout));
}

#[test]
fn a_missing_directory_or_revision_is_an_error() {
    for (arg, needle) in [
        ("no/such/dir", "not an existing directory, nor a git revision"),
        ("no-such-revision-xyz", "not an existing directory, nor a git revision"),
        ("HEAD:no/such/dir", "revision HEAD has no no/such/dir"),
    ] {
        let o = fwevents(&["diff", arg, "spec"], b"");
        assert_eq!(o.status.code(), Some(2), "{arg}");
        let err = text(&o.stderr);
        assert!(err.contains(arg) && err.contains(needle), "{arg}: {err}");
        assert_eq!(text(&o.stdout), "", "{arg}");
    }
}

#[test]
fn a_broken_spec_is_an_error_listing_its_problems() {
    let pair = Pair::new("broken", SALES, "        type: ActorType\n", "        type: ActorTyp\n");
    let o = pair.diff(&[]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.contains("has 1 problem(s)"), "{err}");
    assert!(err.contains("freshsales/onUserAgentAvailabilityUpdate.yaml:"), "{err}");
    assert!(err.contains(": data.actor.type: unknown type \"ActorTyp\""), "{err}");
    assert_eq!(text(&o.stdout), "");
}

/// A blob over the 4 MiB limit is refused from its size in the listing, before git is asked
/// for its content.
#[test]
fn a_blob_over_the_limit_is_refused_before_it_is_read() {
    let repo = common::TempDir::new("diff-big-blob");
    let git = |args: &[&str]| {
        let o = std::process::Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"])
            .args(args)
            .current_dir(&repo.0)
            .output()
            .unwrap();
        assert!(o.status.success(), "git {args:?}: {}", text(&o.stderr));
    };
    git(&["init", "-q"]);
    std::fs::create_dir_all(repo.0.join("spec")).unwrap();
    let size = 4 * 1024 * 1024 + 1;
    std::fs::write(repo.0.join("spec/big.yaml"), "#".repeat(size)).unwrap();
    git(&["add", "spec"]);
    git(&["commit", "-q", "-m", "big"]);
    let o =
        std::process::Command::new(env!("CARGO_BIN_EXE_fwevents")).args(["diff", "HEAD", "HEAD"]).current_dir(&repo.0).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains(&format!("spec/big.yaml is {size} bytes at HEAD; a spec file is at most 4194304 bytes (4 MiB), so it is not read")),
        "{err}"
    );
}
