//! Hostile specs and payloads through the command line: what a pull request could put in
//! `spec/` must not write outside the output directories, hang the reader, or be skipped
//! silently.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::common::{self, fwevents, text, TempDir};

/// A copy of the shipped spec in `tmp/spec`.
fn spec_copy(tmp: &TempDir) -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            let target = to.join(path.file_name().unwrap());
            if path.is_dir() {
                copy(&path, &target);
            } else {
                std::fs::copy(&path, &target).unwrap();
            }
        }
    }
    let spec = tmp.0.join("spec");
    copy(&common::root().join("spec"), &spec);
    spec
}

fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn names_that_are_paths_are_refused_and_nothing_is_written_outside() {
    let tmp = TempDir::new("hostile-paths");
    let spec = spec_copy(&tmp);
    let file = spec.join("freshsales/onUserAgentAvailabilityUpdate.yaml");
    let original = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, original.replacen("event: onUserAgentAvailabilityUpdate", "event: ../../../escaped/y", 1)).unwrap();
    let out = tmp.0.join("a/b/out");
    for args in [
        vec!["docs", "--spec", arg(&spec), "--out", arg(&out)],
        vec!["generate", "--spec", arg(&spec), "--out", arg(&out), "--docs", arg(&out)],
        vec!["lint", arg(&spec)],
    ] {
        let o = fwevents(&args, b"");
        assert_ne!(o.status.code(), Some(0), "{args:?}");
        let all = text(&o.stdout) + &text(&o.stderr);
        assert!(all.contains("event name \"../../../escaped/y\" is not a plain name"), "{all}");
    }
    assert!(!tmp.0.join("escaped").exists() && !tmp.0.join("a/escaped").exists());
}

#[cfg(unix)]
#[test]
fn a_symlinked_folder_is_read_not_skipped() {
    let tmp = TempDir::new("hostile-symlink");
    let spec = spec_copy(&tmp);
    let moved = tmp.0.join("elsewhere");
    std::fs::rename(spec.join("freshchat"), &moved).unwrap();
    std::os::unix::fs::symlink(&moved, spec.join("freshchat")).unwrap();
    let o = fwevents(&["lint", arg(&spec)], b"");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains(": 5 events,"), "{}", text(&o.stderr));
    // A link back up is a loop, reported rather than followed forever.
    std::os::unix::fs::symlink(&spec, moved.join("loop")).unwrap();
    let o = fwevents(&["lint", arg(&spec)], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("links back to a folder that contains it"), "{}", text(&o.stderr));
}

#[cfg(unix)]
#[test]
fn a_fifo_named_yaml_is_refused_without_waiting() {
    let tmp = TempDir::new("hostile-fifo");
    let spec = spec_copy(&tmp);
    let fifo = spec.join("freshchat/onPipe.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let start = Instant::now();
    let o = fwevents(&["lint", arg(&spec)], b"");
    assert!(start.elapsed() < Duration::from_secs(20));
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("onPipe.yaml is not a regular file"), "{}", text(&o.stderr));
}

#[test]
fn a_spec_file_with_a_byte_order_mark_is_read() {
    let tmp = TempDir::new("hostile-bom");
    let spec = spec_copy(&tmp);
    let file = spec.join("freshchat/onAgentActivityCreate.yaml");
    let original = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("\u{feff}{original}")).unwrap();
    let o = fwevents(&["lint", arg(&spec)], b"");
    assert_eq!(o.status.code(), Some(0), "{}{}", text(&o.stdout), text(&o.stderr));
}

#[test]
fn roundtrip_reads_a_payload_with_a_byte_order_mark_as_validate_does() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(common::payload("freshchat-onAgentActivityCreate.1.json"));
    let o = fwevents(&["validate", "-"], &bytes);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    let o = fwevents(&["roundtrip", "-"], &bytes);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("\"onAgentActivityCreate\""));
}

#[test]
fn a_deep_spec_file_is_an_error_with_its_position() {
    let tmp = TempDir::new("hostile-deep");
    let spec = spec_copy(&tmp);
    std::fs::write(spec.join("freshchat/deep.yaml"), format!("{}x\n", "- ".repeat(50_000))).unwrap();
    let start = Instant::now();
    let o = fwevents(&["lint", arg(&spec)], b"");
    assert!(start.elapsed() < Duration::from_secs(20));
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("/freshchat/deep.yaml:1:129: nesting deeper than 64 levels"), "{}", text(&o.stdout));
}
