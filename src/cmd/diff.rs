//! `diff OLD NEW`: what changed between two specs, each change classified as breaking or
//! compatible for a consumer of the payloads. Exit 0 when nothing is breaking, 1 when
//! something is.
//!
//! A side is a spec directory or, when no such directory exists, a git revision of the
//! repository in the current directory: `REV` (its `spec/` directory) or `REV:DIR`.

use std::path::Path;
use std::process::{Command, ExitCode};

use anyhow::{bail, Context};
use codegen::diff::{self, Report};
use codegen::{Ir, SourceFile};

#[derive(clap::Args)]
pub struct Args {
    /// The old spec: a directory, or a git revision (`REV` for its `spec/`, or `REV:DIR`).
    old: String,
    /// The new spec: a directory, or a git revision (`REV` for its `spec/`, or `REV:DIR`).
    new: String,
    /// Output: lines for a terminal (text) or a table per event for a pull request (markdown).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Markdown,
}

/// The spec directory of a revision when the argument names none.
const DEFAULT_DIR: &str = "spec";

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let old = compile(&args.old)?;
    let new = compile(&args.new)?;
    let report = diff::diff(&old, &new);
    print!("{}", render(&report, args.format));
    Ok(if report.is_breaking() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Text => diff::render_text(report),
        Format::Markdown => diff::render_markdown(report),
    }
}

/// One side, read and checked; a spec with problems is an error listing them all.
fn compile(arg: &str) -> anyhow::Result<Ir> {
    let (files, label) = read_side(arg)?;
    codegen::compile(&files).map_err(|diags| {
        let lines: Vec<String> = diags.iter().map(|d| format!("  {label}/{d}")).collect();
        anyhow::anyhow!(
            "the spec {arg} has {} problem(s):\n{}",
            diags.len(),
            lines.join("\n")
        )
    })
}

/// The spec files of one side, with a label to prefix their paths in messages.
fn read_side(arg: &str) -> anyhow::Result<(Vec<SourceFile>, String)> {
    let dir = Path::new(arg);
    if dir.is_dir() {
        let files = codegen::source::read_spec_dir(dir)
            .with_context(|| format!("cannot read the spec at {arg}"))?;
        return Ok((files, arg.trim_end_matches('/').to_string()));
    }
    let (rev, dir) = match arg.split_once(':') {
        Some((rev, dir)) => (rev, dir),
        None => (arg, DEFAULT_DIR),
    };
    let files = read_revision(rev, dir).with_context(|| arg.to_string())?;
    Ok((files, format!("{rev}:{}", dir.trim_end_matches('/'))))
}

/// The `*.yaml` / `*.yml` files below `dir` at revision `rev`, paths relative to `dir`.
fn read_revision(rev: &str, dir: &str) -> anyhow::Result<Vec<SourceFile>> {
    const NEITHER: &str =
        "not an existing directory, nor a git revision of the repository here (REV or REV:DIR)";
    // A leading dash would make git read the revision as an option.
    if rev.is_empty() || rev.starts_with('-') || dir.is_empty() {
        bail!(NEITHER);
    }
    let Some(commit) = rev_parse(&format!("{rev}^{{commit}}"))? else {
        bail!(NEITHER)
    };
    // `./` makes DIR relative to the current directory, as a directory argument is.
    let dir_spec = if dir.starts_with("./") || dir.starts_with("../") {
        dir.to_string()
    } else {
        format!("./{dir}")
    };
    let Some(tree) = rev_parse(&format!("{commit}:{dir_spec}"))? else {
        bail!("revision {rev} has no {dir}")
    };
    if git(&["cat-file", "-t", &tree])?.trim() != "tree" {
        bail!("{dir} is not a directory at revision {rev}");
    }
    let listing = git(&["ls-tree", "-r", "-z", &tree])?;
    let mut files = Vec::new();
    for entry in listing.split('\0').filter(|e| !e.is_empty()) {
        if let Some((blob, path)) = spec_blob(entry) {
            let text = git(&["cat-file", "blob", blob])
                .with_context(|| format!("cannot read {dir}/{path} at {rev}"))?;
            files.push(SourceFile {
                path: path.to_string(),
                text,
            });
        }
    }
    Ok(files)
}

/// The object id `spec` names, or `None` when it names nothing; git failing otherwise (no
/// repository here, no git at all) is an error saying so.
fn rev_parse(spec: &str) -> anyhow::Result<Option<String>> {
    let out = Command::new("git")
        .args(["rev-parse", "--verify", "--quiet", spec])
        .output()
        .context("cannot run git")?;
    if out.status.success() {
        return Ok(Some(
            String::from_utf8_lossy(&out.stdout).trim().to_string(),
        ));
    }
    // With --quiet, git says nothing about a name that does not resolve.
    let said = String::from_utf8_lossy(&out.stderr).trim().to_string();
    if said.is_empty() {
        Ok(None)
    } else {
        bail!("{said}")
    }
}

/// The blob id and path of an `ls-tree` entry (`MODE TYPE ID\tPATH`) that is a spec file.
fn spec_blob(entry: &str) -> Option<(&str, &str)> {
    let (meta, path) = entry.split_once('\t')?;
    let mut meta = meta.split(' ');
    let (_mode, kind, id) = (meta.next()?, meta.next()?, meta.next()?);
    let is_yaml = path.ends_with(".yaml") || path.ends_with(".yml");
    (kind == "blob" && is_yaml).then_some((id, path))
}

/// Runs git in the current directory; its standard output, or an error with what it said.
fn git(args: &[&str]) -> anyhow::Result<String> {
    let out = Command::new("git")
        .args(args)
        .output()
        .context("cannot run git")?;
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr).trim().to_string();
        if said.is_empty() {
            bail!("git {} failed", args.first().copied().unwrap_or_default());
        }
        bail!("{said}");
    }
    String::from_utf8(out.stdout).context("git printed text that is not UTF-8")
}
