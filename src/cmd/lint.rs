//! `lint [SPEC_DIR] [--format text|json|github]`: every problem in a spec.

use std::path::Path;
use std::process::ExitCode;

use serde_json::json;

use super::output::{self, Finding, Severity};
use super::spec_input;
use super::style::{self, Paint};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `spec/x.yaml:14:9: data.actor.type: message`, one line each.
    Text,
    /// One JSON document (see docs/ci-formats.md).
    Json,
    /// GitHub workflow commands, one annotation each.
    Github,
}

pub fn run(spec: &Path, format: Format) -> anyhow::Result<ExitCode> {
    let files = spec_input::files(Some(spec))?;
    if files.is_empty() {
        anyhow::bail!("no spec files (*.yaml) in {}", spec.display());
    }
    let (findings, summary) = match codegen::compile(&files) {
        Ok(ir) => {
            eprintln!("{}: {} events, {} types, no problems", spec.display(), ir.events.len(), ir.types.len());
            (Vec::new(), json!({ "problems": 0, "events": ir.events.len(), "types": ir.types.len() }))
        }
        Err(diags) => {
            eprintln!("{} problem(s)", diags.len());
            let findings: Vec<Finding> = diags
                .iter()
                .map(|d| Finding {
                    file: spec.join(&d.location.file).display().to_string(),
                    line: d.location.line,
                    column: d.location.column,
                    severity: Severity::Error,
                    code: "spec-problem".into(),
                    message: if d.path.is_empty() { d.message.clone() } else { format!("{}: {}", d.path, d.message) },
                    extra: output::extra([("path", json!(d.path))]),
                })
                .collect();
            let summary = json!({ "problems": findings.len(), "events": null, "types": null });
            if format == Format::Text {
                for d in diags.iter() {
                    let line = format!("{}/{d}", spec.display());
                    // The place (file:line:col) stands out; the message follows as it is.
                    match line.split_once(": ") {
                        Some((place, rest)) => println!("{}: {rest}", style::paint(Paint::Place, place)),
                        None => println!("{line}"),
                    }
                }
            }
            (findings, summary)
        }
    };
    match format {
        Format::Text => {}
        Format::Json => print!("{}", output::json("lint", &findings, summary)),
        Format::Github => print!("{}", output::github("fwevents lint", &findings)),
    }
    Ok(if findings.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
