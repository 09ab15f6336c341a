//! `diff --accept FILE`: changes someone reviewed and accepted, by id and path, each with
//! its reason, as buf's `ignore` and oasdiff's configuration let a team record them.
//!
//! ```yaml
//! accepted:
//!   - id: enum-value-added-closed
//!     path: types.SocialProfile.type
//!     reason: Freshchat sends tiktok since March; consumers updated.
//! ```

use std::path::Path;

use anyhow::{bail, Context};
use codegen::diff::{Accepted, Kind};
use serde::Deserialize;

/// A file this size is far past any list of reviewed changes; bigger is refused unread.
const MAX_BYTES: u64 = 1 << 20;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    accepted: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    path: String,
    reason: String,
}

pub fn read(path: &Path) -> anyhow::Result<Vec<Accepted>> {
    let name = path.display();
    let meta = std::fs::metadata(path).with_context(|| format!("cannot read {name}"))?;
    // A FIFO or a device would block or never end.
    if !meta.is_file() {
        bail!("{name} is not a regular file");
    }
    if meta.len() > MAX_BYTES {
        bail!("{name} is {} bytes; a file of accepted changes is at most {MAX_BYTES}", meta.len());
    }
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {name}"))?;
    parse(&text).map_err(|problems| anyhow::anyhow!("{name} cannot be used:\n{}", problems.join("\n")))
}

/// The accepted changes of a file's text, or every problem in it, each with its place.
pub fn parse(text: &str) -> Result<Vec<Accepted>, Vec<String>> {
    let file: File = serde_yaml::from_str(text).map_err(|e| {
        let place = e.location().map(|l| format!("line {}, column {}: ", l.line(), l.column())).unwrap_or_default();
        vec![format!("  {place}{e}")]
    })?;
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for (i, entry) in file.accepted.into_iter().enumerate() {
        let at = format!("  accepted[{i}]");
        let kind = Kind::from_id(&entry.id);
        if kind.is_none() {
            let ids: Vec<&str> = Kind::ALL.iter().map(|k| k.id()).collect();
            problems.push(format!("{at}.id: no change has the id {:?}; the ids are: {}", entry.id, ids.join(", ")));
        }
        if entry.path.trim().is_empty() {
            problems.push(format!("{at}.path: empty; write where the change is, as the diff's JSON `path` gives it"));
        }
        if entry.reason.trim().is_empty() {
            problems.push(format!("{at}.reason: empty; say why the change is accepted"));
        }
        if let Some(kind) = kind {
            out.push(Accepted { kind, path: entry.path, reason: entry.reason.trim().to_string() });
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_of_the_file_is_reported_with_its_place() {
        let ok = parse("accepted:\n  - id: attribute-removed\n    path: acme/onThing:data.x\n    reason: gone upstream\n").unwrap();
        assert_eq!(ok, [Accepted { kind: Kind::AttributeRemoved, path: "acme/onThing:data.x".into(), reason: "gone upstream".into() }]);
        let bad = parse("accepted:\n  - id: attribute-gone\n    path: ''\n    reason: ' '\n").unwrap_err();
        assert_eq!(bad.len(), 3, "{bad:?}");
        assert!(bad[0].starts_with("  accepted[0].id: no change has the id \"attribute-gone\"; the ids are: event-added,"), "{bad:?}");
        assert!(bad[1].contains("accepted[0].path: empty") && bad[2].contains("accepted[0].reason: empty"), "{bad:?}");
        let typo = parse("accepted:\n  - id: attribute-removed\n    pth: x\n    reason: y\n").unwrap_err();
        assert!(typo[0].contains("line 3") && typo[0].contains("unknown field `pth`"), "{typo:?}");
        assert!(parse("[1, 2").is_err());
    }
}
