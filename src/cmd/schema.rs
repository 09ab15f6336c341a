//! `schema EVENT` and `schema --out DIR`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use codegen::emit::schema::{self, Reading};

use super::spec_input;

pub fn run(event: Option<&str>, out: Option<&Path>, strict: bool, spec: Option<&Path>) -> anyhow::Result<ExitCode> {
    let ir = spec_input::ir(spec)?;
    let reading = if strict { Reading::Strict } else { Reading::Lenient };
    match (event, out) {
        (Some(name), None) => {
            let event = find(&ir, name)?;
            print!("{}", schema::to_string(&schema::event_schema(&ir, event, reading)));
            Ok(ExitCode::SUCCESS)
        }
        (None, Some(dir)) => {
            for event in &ir.events {
                let product = &ir.product_of(event).key;
                let path = super::generate::below(dir, &format!("{product}/{}.schema.json", event.name))?;
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
                }
                std::fs::write(&path, schema::to_string(&schema::event_schema(&ir, event, reading)))
                    .with_context(|| format!("cannot write {}", path.display()))?;
                println!("wrote {}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        (Some(_), Some(_)) => anyhow::bail!("give either an EVENT or --out DIR, not both"),
        (None, None) => anyhow::bail!("give an EVENT (e.g. onAgentUpdate or freshcaller/onAgentUpdate) or --out DIR"),
    }
}

/// An event by `product/event`, or `event` when one product has it.
pub fn find<'a>(ir: &'a codegen::Ir, name: &str) -> anyhow::Result<&'a codegen::ir::Event> {
    let matches: Vec<&codegen::ir::Event> = ir
        .events
        .iter()
        .filter(|e| match name.split_once('/') {
            Some((product, event)) => ir.product_of(e).key == product && e.name == event,
            None => e.name == name,
        })
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => {
            let known: Vec<String> = ir.events.iter().map(|e| ir.qualified_name(e)).collect();
            anyhow::bail!("no event \"{name}\" in the spec; known: {}", known.join(", "))
        }
        many => {
            let names: Vec<String> = many.iter().map(|e| ir.qualified_name(e)).collect();
            anyhow::bail!("\"{name}\" is ambiguous: {}", names.join(", "))
        }
    }
}
