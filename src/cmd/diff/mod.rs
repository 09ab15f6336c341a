//! `diff OLD NEW`: what changed between two specs, each change classified as breaking or
//! compatible for a consumer of the payloads. Exit 0 when nothing is breaking, 1 when
//! something is.
//!
//! A side is a spec directory or, when no such directory exists, a git revision of the
//! repository in the current directory: `REV` (its `spec/` directory) or `REV:DIR`.

use std::path::Path;
use std::process::{Command, ExitCode};

use anyhow::{bail, Context};
use codegen::diff;
use codegen::yaml::MAX_FILE_BYTES;
use codegen::{Ir, SourceFile};
use serde_json::json;

use super::output::{self, Finding, Severity};
use super::style::{self, Paint};

mod accepted;

#[derive(clap::Args)]
pub struct Args {
    /// The old spec: a directory, or a git revision (`REV` for its `spec/`, or `REV:DIR`).
    old: String,
    /// The new spec: a directory, or a git revision (`REV` for its `spec/`, or `REV:DIR`).
    new: String,
    /// Output: lines for a terminal (text), a release note with the semver impact for a
    /// pull request (markdown), one JSON document (json) or GitHub annotations (github).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Exit 1 when a change of this class or above is found and not accepted: breaking,
    /// compatible (any change at all) or never.
    #[arg(long, value_enum, default_value_t = FailOn::Breaking, value_name = "CLASS")]
    fail_on: FailOn,
    /// A file of reviewed changes (`accepted: [{id, path, reason}]`, YAML): reported as
    /// accepted, and no reason to fail.
    #[arg(long, value_name = "FILE")]
    accept: Option<std::path::PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    Breaking,
    Compatible,
    Never,
}

impl FailOn {
    fn fails(self, counts: &diff::Counts) -> bool {
        match self {
            FailOn::Breaking => counts.breaking > 0,
            FailOn::Compatible => counts.breaking + counts.compatible > 0,
            FailOn::Never => false,
        }
    }

    fn name(self) -> &'static str {
        match self {
            FailOn::Breaking => "breaking",
            FailOn::Compatible => "compatible",
            FailOn::Never => "never",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
    Github,
}

/// The spec directory of a revision when the argument names none.
const DEFAULT_DIR: &str = "spec";

/// One side of the comparison.
struct Side {
    ir: Ir,
    files: Vec<SourceFile>,
    /// What spec file paths are relative to, as a path from the current directory
    /// (`spec`, or a revision's directory), for pointing at files.
    dir: String,
}

impl Side {
    /// `DIR/FILE` and the line of `spec_path` in it, when found.
    fn place(&self, origin: &diff::Origin) -> (String, Option<(usize, usize)>) {
        let file = format!("{}/{}", self.dir, origin.file);
        let pos = self.files.iter().find(|f| f.path == origin.file).and_then(|f| diff::locate(&f.text, &origin.spec_path));
        (file, pos.map(|p| (p.line, p.column)))
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let accepted = match &args.accept {
        Some(path) => accepted::read(path)?,
        None => Vec::new(),
    };
    let old = compile(&args.old)?;
    let new = compile(&args.new)?;
    let report = diff::diff(&old.ir, &new.ir);
    let mut entries = diff::entries(&report);
    let unused = diff::accept(&mut entries, &accepted);
    let counts = diff::Counts::of(&entries);
    let failed = args.fail_on.fails(&counts);
    let text = match args.format {
        Format::Text => diff::render_text(&entries, &|tone, text| {
            let paint = match tone {
                diff::Tone::Breaking => Paint::Bad,
                diff::Tone::Compatible => Paint::Good,
                diff::Tone::Accepted => Paint::Note,
            };
            style::paint(paint, text)
        }),
        Format::Markdown => diff::render_markdown(&report, &entries),
        Format::Json => {
            let summary = json!({
                "changes": counts.total(),
                "breaking": counts.breaking,
                "compatible": counts.compatible,
                "accepted": counts.accepted,
                "semver": report.semver().map(|i| i.to_string()),
                "fail_on": args.fail_on.name(),
                "failed": failed,
                "unused_accepted": unused.iter().map(|&i| json!({"id": accepted[i].kind.id(), "path": accepted[i].path})).collect::<Vec<_>>(),
            });
            output::json("diff", &findings(&entries, &old, &new), summary)
        }
        Format::Github => output::github("fwevents diff", &findings(&entries, &old, &new)),
    };
    print!("{text}");
    // An accepted change that matches nothing is stale or mistyped: said, never silent.
    for &i in &unused {
        let a = &accepted[i];
        eprintln!("note: accepted change {} at {} matches no change of this diff", a.kind.id(), a.path);
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// One finding per change of the spec: a change made in a shared type once, with every
/// event it reaches. It points at the new spec, or at the old one for what was removed.
fn findings(entries: &[diff::Entry<'_>], old: &Side, new: &Side) -> Vec<Finding> {
    entries
        .iter()
        .map(|e| {
            let c = e.change;
            // What was removed is only in the old spec.
            let (file, pos) = match new.place(&c.origin) {
                (_, None) if old.place(&c.origin).1.is_some() => old.place(&c.origin),
                place => place,
            };
            let mut message = format!("{}: {}", c.subject, c.what);
            if c.origin.shared.is_some() {
                let events: Vec<&str> = e.reaches.iter().map(|(event, _)| *event).collect();
                let place = c.origin.spec_path.trim_start_matches("types.");
                message = format!("{place}: {} (reaches {})", c.what, events.join(", "));
            } else {
                message = format!("{}: {message}", c.event);
            }
            if let Some(reason) = &e.accepted {
                message = format!("{message} [accepted: {reason}]");
            }
            Finding {
                file,
                line: pos.map(|p| p.0),
                column: pos.map(|p| p.1),
                // An accepted change is for information, whatever its class.
                severity: match (c.class, &e.accepted) {
                    (diff::Class::Breaking, None) => Severity::Error,
                    _ => Severity::Notice,
                },
                code: c.class.to_string(),
                message,
                extra: output::extra([
                    ("id", json!(c.kind.id())),
                    ("path", json!(e.path())),
                    ("accepted", json!(e.accepted)),
                    ("impact", json!(c.impact.to_string())),
                    ("shared_type", json!(c.origin.shared)),
                    ("spec_path", json!(c.origin.spec_path)),
                    (
                        "events",
                        json!(e
                            .reaches
                            .iter()
                            .map(|(event, subject)| json!({ "event": event, "subject": subject.to_string() }))
                            .collect::<Vec<_>>()),
                    ),
                ]),
            }
        })
        .collect()
}

/// One side, read and checked; a spec with problems is an error listing them all.
fn compile(arg: &str) -> anyhow::Result<Side> {
    let (files, label, dir) = read_side(arg)?;
    let ir = codegen::compile(&files).map_err(|diags| {
        let lines: Vec<String> = diags.iter().map(|d| format!("  {label}/{d}")).collect();
        anyhow::anyhow!("the spec {arg} has {} problem(s):\n{}", diags.len(), lines.join("\n"))
    })?;
    Ok(Side { ir, files, dir })
}

/// The spec files of one side, a label to prefix their paths in messages, and the
/// directory they are relative to.
fn read_side(arg: &str) -> anyhow::Result<(Vec<SourceFile>, String, String)> {
    let dir = Path::new(arg);
    if dir.is_dir() {
        let files = codegen::source::read_spec_dir(dir).with_context(|| format!("cannot read the spec at {arg}"))?;
        let label = arg.trim_end_matches('/').to_string();
        return Ok((files, label.clone(), label));
    }
    let (rev, dir) = match arg.split_once(':') {
        Some((rev, dir)) => (rev, dir),
        None => (arg, DEFAULT_DIR),
    };
    let files = read_revision(rev, dir).with_context(|| arg.to_string())?;
    let dir = dir.trim_end_matches('/');
    Ok((files, format!("{rev}:{dir}"), dir.trim_start_matches("./").to_string()))
}

/// The `*.yaml` / `*.yml` files below `dir` at revision `rev`, paths relative to `dir`.
fn read_revision(rev: &str, dir: &str) -> anyhow::Result<Vec<SourceFile>> {
    const NEITHER: &str = "not an existing directory, nor a git revision of the repository here (REV or REV:DIR)";
    // A leading dash would make git read the revision as an option.
    if rev.is_empty() || rev.starts_with('-') || dir.is_empty() {
        bail!(NEITHER);
    }
    let Some(commit) = rev_parse(&format!("{rev}^{{commit}}"))? else { bail!(NEITHER) };
    // `./` makes DIR relative to the current directory, as a directory argument is.
    let dir_spec = if dir.starts_with("./") || dir.starts_with("../") { dir.to_string() } else { format!("./{dir}") };
    let Some(tree) = rev_parse(&format!("{commit}:{dir_spec}"))? else { bail!("revision {rev} has no {dir}") };
    if git(&["cat-file", "-t", &tree])?.trim() != "tree" {
        bail!("{dir} is not a directory at revision {rev}");
    }
    // `--long` gives each blob's size, so a file over the limit is refused before git is
    // asked for its content (a 300 MB blob would otherwise be read whole, then refused).
    let listing = git(&["ls-tree", "-r", "-z", "--long", &tree])?;
    let mut files = Vec::new();
    for entry in listing.split('\0').filter(|e| !e.is_empty()) {
        if let Some(SpecBlob { id, size, path }) = spec_blob(entry) {
            if size > MAX_FILE_BYTES as u64 {
                bail!("{dir}/{path} is {size} bytes at {rev}; a spec file is at most {MAX_FILE_BYTES} bytes (4 MiB), so it is not read");
            }
            let text = git(&["cat-file", "blob", id]).with_context(|| format!("cannot read {dir}/{path} at {rev}"))?;
            files.push(SourceFile { path: path.to_string(), text });
        }
    }
    Ok(files)
}

/// The object id `spec` names, or `None` when it names nothing; git failing otherwise (no
/// repository here, no git at all) is an error saying so.
fn rev_parse(spec: &str) -> anyhow::Result<Option<String>> {
    let out = Command::new("git").args(["rev-parse", "--verify", "--quiet", spec]).output().context("cannot run git")?;
    if out.status.success() {
        return Ok(Some(String::from_utf8_lossy(&out.stdout).trim().to_string()));
    }
    // With --quiet, git says nothing about a name that does not resolve.
    let said = String::from_utf8_lossy(&out.stderr).trim().to_string();
    if said.is_empty() {
        Ok(None)
    } else {
        bail!("{said}")
    }
}

/// A spec file in an `ls-tree --long` listing.
#[derive(Debug, PartialEq, Eq)]
struct SpecBlob<'a> {
    id: &'a str,
    size: u64,
    path: &'a str,
}

/// The blob of an `ls-tree --long` entry (`MODE TYPE ID SIZE\tPATH`, the size padded with
/// spaces) that is a spec file.
fn spec_blob(entry: &str) -> Option<SpecBlob<'_>> {
    let (meta, path) = entry.split_once('\t')?;
    let mut meta = meta.split_ascii_whitespace();
    let (_mode, kind, id, size) = (meta.next()?, meta.next()?, meta.next()?, meta.next()?);
    let is_yaml = path.ends_with(".yaml") || path.ends_with(".yml");
    (kind == "blob" && is_yaml).then_some(SpecBlob { id, size: size.parse().ok()?, path })
}

/// Runs git in the current directory; its standard output, or an error with what it said.
fn git(args: &[&str]) -> anyhow::Result<String> {
    let out = Command::new("git").args(args).output().context("cannot run git")?;
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr).trim().to_string();
        if said.is_empty() {
            bail!("git {} failed", args.first().copied().unwrap_or_default());
        }
        bail!("{said}");
    }
    String::from_utf8(out.stdout).context("git printed text that is not UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_listing_gives_each_spec_blob_its_size() {
        let id = "0123456789abcdef0123456789abcdef01234567";
        assert_eq!(
            spec_blob(&format!("100644 blob {id}    1234\tfreshchat/onX.yaml")),
            Some(SpecBlob { id, size: 1234, path: "freshchat/onX.yaml" })
        );
        assert_eq!(spec_blob(&format!("100644 blob {id} 314572800\tbig.yml")).map(|b| b.size), Some(314_572_800));
        assert_eq!(spec_blob(&format!("100644 blob {id}    12\tREADME.md")), None);
        assert_eq!(spec_blob(&format!("160000 commit {id}       -\tsub.yaml")), None);
    }
}
