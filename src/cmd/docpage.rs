//! `doc-check PAGE --event EVENT` and `doc-import PAGE`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use codegen::docpage::{self, Guide};
use codegen::markdown;
use serde_json::json;

use super::output::{self, Finding, Severity};
use super::style::{self, Paint};
use super::{schema, spec_input};

fn read_page(path: &Path) -> anyhow::Result<String> {
    let bytes = spec_input::read_input(path)?;
    String::from_utf8(bytes).with_context(|| format!("{} is not UTF-8 text", path.display()))
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `PAGE:LINE: difference: data.PATH: message`, one line each.
    Text,
    /// One JSON document (see docs/ci-formats.md).
    Json,
    /// GitHub workflow commands, one annotation each.
    Github,
    /// A table for a pull request.
    Markdown,
}

pub fn check(page_path: &Path, event: &str, spec: Option<&Path>, format: Format) -> anyhow::Result<ExitCode> {
    let ir = spec_input::ir(spec)?;
    let event = schema::find(&ir, event)?;
    let text = read_page(page_path)?;
    let page = docpage::parse(&text, Some(&Guide::new(&ir, event))).with_context(|| format!("cannot read {}", page_path.display()))?;
    let report = docpage::check(&ir, event, &page);
    let name = page_path.display().to_string();
    let qualified = ir.qualified_name(event);
    let unexplained = report.unexplained();
    let known = report.findings.len() - unexplained;
    match format {
        Format::Text => {
            for f in &report.findings {
                let place = match f.line {
                    Some(line) => format!("{name}:{line}"),
                    None => name.clone(),
                };
                let label = if f.known { style::paint(Paint::Note, "known quirk") } else { style::paint(Paint::Bad, "difference") };
                // Page text is anyone's: shown escaped, it cannot forge lines or drive the terminal.
                println!(
                    "{}: {label}: data.{}: {}",
                    style::paint(Paint::Place, &place),
                    codegen::safe::escape(&f.path),
                    codegen::safe::escape(&f.message)
                );
            }
        }
        Format::Json | Format::Github => {
            let findings: Vec<Finding> = report
                .findings
                .iter()
                .map(|f| Finding {
                    file: name.clone(),
                    line: f.line,
                    column: None,
                    severity: if f.known { Severity::Notice } else { Severity::Error },
                    code: if f.known { "known-quirk" } else { "difference" }.into(),
                    message: format!("data.{}: {}", f.path, f.message),
                    extra: output::extra([
                        ("event", json!(qualified)),
                        ("path", json!(format!("data.{}", f.path))),
                        ("known", json!(f.known)),
                    ]),
                })
                .collect();
            if format == Format::Json {
                let summary = json!({
                    "event": qualified,
                    "on_page": report.on_page,
                    "matched": report.matched,
                    "known": known,
                    "unexplained": unexplained,
                });
                print!("{}", output::json("doc-check", &findings, summary));
            } else {
                print!("{}", output::github("fwevents doc-check", &findings));
            }
        }
        Format::Markdown => print!("{}", markdown(&name, &qualified, &report)),
    }
    eprintln!(
        "{qualified}: {} attribute(s) on the page, {} in the spec; {known} known quirk(s), {unexplained} unexplained difference(s)",
        report.on_page, report.matched,
    );
    Ok(if unexplained == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// A section for a pull request: what to act on first, then the quirks the spec already
/// explains.
fn markdown(page: &str, event: &str, report: &docpage::CheckReport) -> String {
    let unexplained = report.unexplained();
    let mut out = format!(
        "### {} against {}\n\n{} unexplained difference(s), {} known quirk(s); {} attribute(s) on the page.\n",
        markdown::code(page),
        event,
        unexplained,
        report.findings.len() - unexplained,
        report.on_page
    );
    if report.findings.is_empty() {
        return out;
    }
    out.push_str("\n| | line | attribute | finding |\n| --- | --- | --- | --- |\n");
    let mut findings: Vec<&docpage::Finding> = report.findings.iter().collect();
    // Differences to act on first; the page's order otherwise.
    findings.sort_by_key(|f| f.known);
    for f in findings {
        let label = if f.known { "known quirk" } else { "**difference**" };
        let line = f.line.map(|l| l.to_string()).unwrap_or_default();
        // Page text reaches the pull request: no markup of its own.
        out.push_str(&format!(
            "| {label} | {line} | {} | {} |\n",
            markdown::code_cell(&format!("data.{}", f.path)),
            markdown::cell(&f.message)
        ));
    }
    out
}

pub fn import(page_path: &Path, event: Option<&str>, product: Option<&str>, payloads: Option<&Path>) -> anyhow::Result<ExitCode> {
    let text = read_page(page_path)?;
    // Pages are named <product>-<event>.txt; flags win.
    let stem = page_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let (guess_product, guess_event) = stem.split_once('-').unwrap_or(("TODO", stem.as_str()));
    // A name guessed from the file must be a name (`-rf-x.txt` names no product); one
    // given as a flag is the checker's to judge in the draft.
    let guessed = |what: &str, flag: &str, name: &str| -> anyhow::Result<()> {
        if codegen::names::check_spec_name(name).is_err() {
            anyhow::bail!(
                "cannot tell the {what} from the page's file name {} (pages are named <product>-<event>.txt); pass {flag}",
                codegen::safe::escape(&page_path.display().to_string())
            );
        }
        Ok(())
    };
    if product.is_none() {
        guessed("product", "--product", guess_product)?;
    }
    if event.is_none() {
        guessed("event", "--event", guess_event)?;
    }
    let event = event.unwrap_or(guess_event);
    let product = product.unwrap_or(guess_product);
    let witness = match payloads {
        Some(dir) => Some(super::witness::read(dir, event)?),
        None => None,
    };
    let page =
        docpage::parse_with_payloads(&text, None, witness.as_ref()).with_context(|| format!("cannot read {}", page_path.display()))?;
    if let Some(w) = &witness {
        let unlisted = page.unlisted(w);
        for path in &unlisted {
            // Payload text is anyone's: escaped, it cannot forge lines or drive the terminal.
            eprintln!("note: data.{}: the payloads have it, the page does not list it; not drafted", codegen::safe::escape(path));
        }
        eprintln!(
            "{} payload(s) of {event} placed the page's attributes; {} attribute(s) they carry are not on the page",
            w.payloads(),
            unlisted.len()
        );
    }
    let source = page_path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    // A product the spec does not define makes a draft the checker refuses; say so now.
    if let Ok(ir) = spec_input::ir(None) {
        if !ir.products.iter().any(|p| p.key == product) {
            let known: Vec<&str> = ir.products.iter().map(|p| p.key.as_str()).collect();
            eprintln!(
                "warning: product \"{product}\" is not in the spec ({}); pass --product or add it to spec/spec.yaml",
                known.join(", ")
            );
        }
    }
    print!("{}", docpage::import(&page, event, product, &source));
    Ok(ExitCode::SUCCESS)
}
