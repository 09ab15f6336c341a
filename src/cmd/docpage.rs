//! `doc-check PAGE --event EVENT` and `doc-import PAGE`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use codegen::docpage::{self, Guide};

use super::{schema, spec_input};

fn read_page(path: &Path) -> anyhow::Result<String> {
    let bytes = spec_input::read_input(path)?;
    String::from_utf8(bytes).with_context(|| format!("{} is not UTF-8 text", path.display()))
}

pub fn check(page_path: &Path, event: &str, spec: Option<&Path>) -> anyhow::Result<ExitCode> {
    let ir = spec_input::ir(spec)?;
    let event = schema::find(&ir, event)?;
    let text = read_page(page_path)?;
    let page = docpage::parse(&text, Some(&Guide::new(&ir, event))).with_context(|| format!("cannot read {}", page_path.display()))?;
    let report = docpage::check(&ir, event, &page);
    let name = page_path.display();
    for f in &report.findings {
        let place = match f.line {
            Some(line) => format!("{name}:{line}"),
            None => format!("{name}"),
        };
        let label = if f.known { "known quirk" } else { "difference" };
        // Page text is anyone's: shown escaped, it cannot forge lines or drive the terminal.
        println!("{place}: {label}: data.{}: {}", codegen::safe::escape(&f.path), codegen::safe::escape(&f.message));
    }
    let unexplained = report.unexplained();
    eprintln!(
        "{}: {} attribute(s) on the page, {} in the spec; {} known quirk(s), {} unexplained difference(s)",
        ir.qualified_name(event),
        report.on_page,
        report.matched,
        report.findings.len() - unexplained,
        unexplained
    );
    Ok(if unexplained == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

pub fn import(page_path: &Path, event: Option<&str>, product: Option<&str>) -> anyhow::Result<ExitCode> {
    let text = read_page(page_path)?;
    let page = docpage::parse(&text, None).with_context(|| format!("cannot read {}", page_path.display()))?;
    // Pages are named <product>-<event>.txt; flags win.
    let stem = page_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let (guess_product, guess_event) = stem.split_once('-').unwrap_or(("TODO", stem.as_str()));
    let event = event.unwrap_or(guess_event);
    let product = product.unwrap_or(guess_product);
    let source = page_path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    print!("{}", docpage::import(&page, event, product, &source));
    Ok(ExitCode::SUCCESS)
}
