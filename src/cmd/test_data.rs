//! `fixture --out DIR [--app APP] [--seed N] [--force]`: test data where the Freshworks app
//! simulator reads it (`server/test_data/<event>.json`), one file per event the app's
//! `manifest.json` subscribes to.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use serde_json::Value;

use super::app_files;
use super::fixture::{self, Made};
use super::modules::{self, Module};
use super::spec_input;

/// Manifest product names that differ from the spec's product keys: the manifest calls
/// Freshsales `freshworks_crm` (its older, classic edition is `freshsales`).
const PRODUCT_ALIASES: &[(&str, &str)] = &[("freshworks_crm", "freshsales")];

pub struct Args {
    pub out: PathBuf,
    pub app: PathBuf,
    pub seed: Option<u64>,
    pub force: bool,
}

/// An event the manifest subscribes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    /// The product: as the manifest names it (platform 2.x), or the product whose module
    /// lists the event (platform 3.x); `None` under `common` or a module of no known product.
    pub product: Option<String>,
    /// The platform 3.x module that lists the event.
    pub module: Option<String>,
    pub event: String,
}

/// The events a manifest subscribes to, in name order; every problem in the manifest at
/// once, each with its JSON Pointer.
pub fn subscriptions(manifest: &Value) -> Result<Vec<Subscription>, Vec<String>> {
    let mut problems = Vec::new();
    let mut subs = Vec::new();
    let Some(root) = manifest.as_object() else {
        return Err(vec![format!("expected a JSON object, found {}", kind(manifest))]);
    };
    // Platform 2.x: product.<name>.events; platform 3.x: modules.<module>.events.
    let mut sections = Vec::new();
    for (key, named) in [("product", true), ("modules", false)] {
        match root.get(key) {
            None => {}
            Some(Value::Object(map)) => {
                for (name, section) in map {
                    let (product, module) = if named {
                        (Some(name.clone()), None)
                    } else {
                        let product = match modules::module(name) {
                            Module::Product(key) => Some(key.to_owned()),
                            Module::Common | Module::Unknown => None,
                        };
                        (product, Some(name.clone()))
                    };
                    sections.push((format!("/{key}/{}", escape(name)), product, module, section));
                }
            }
            Some(other) => problems.push(format!("/{key}: expected an object, found {}", kind(other))),
        }
    }
    if !root.contains_key("product") && !root.contains_key("modules") {
        problems.push("no \"product\" (platform 2.x) or \"modules\" (platform 3.x) to find the events in".into());
    }
    for (at, product, module, section) in sections {
        let Some(section) = section.as_object() else {
            problems.push(format!("{at}: expected an object, found {}", kind(section)));
            continue;
        };
        match section.get("events") {
            None => {}
            Some(Value::Object(events)) => {
                for (event, handler) in events {
                    let at = format!("{at}/events/{}", escape(event));
                    match handler.get("handler") {
                        Some(Value::String(_)) => {
                            subs.push(Subscription { product: product.clone(), module: module.clone(), event: event.clone() })
                        }
                        Some(other) => problems.push(format!("{at}/handler: expected the handler's name, found {}", kind(other))),
                        None if handler.is_object() => problems.push(format!("{at}: no \"handler\"")),
                        None => problems.push(format!("{at}: expected {{\"handler\": NAME}}, found {}", kind(handler))),
                    }
                }
            }
            Some(other) => problems.push(format!("{at}/events: expected an object of event names, found {}", kind(other))),
        }
    }
    if problems.is_empty() && subs.is_empty() {
        problems.push("subscribes to no events (no product.<name>.events or modules.<name>.events)".into());
    }
    if problems.is_empty() {
        Ok(subs)
    } else {
        Err(problems)
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A key as a JSON Pointer segment, shown on one line: the manifest is the app's, and a
/// name in it may hold escape sequences or line breaks that would forge terminal output.
fn escape(key: &str) -> String {
    shown(&key.replace('~', "~0").replace('/', "~1"))
}

/// Manifest text as it may reach the terminal.
fn shown(text: &str) -> String {
    codegen::safe::escape(text).into_owned()
}

/// What becomes of a subscription: the spec's event (`product/event`), or why none.
fn resolve(ir: &codegen::Ir, sub: &Subscription) -> Result<String, String> {
    let named: Vec<&codegen::ir::Event> = ir.events.iter().filter(|e| e.name == sub.event).collect();
    let products = |events: &[&codegen::ir::Event]| events.iter().map(|e| ir.product_of(e).title.clone()).collect::<Vec<_>>().join(", ");
    // How the finding names the subscription: as the manifest places it.
    // Manifest names reach the terminal escaped: they cannot forge lines or drive it.
    let subject = match (&sub.module, &sub.product) {
        (Some(module), _) => format!("{}/{}", shown(module), shown(&sub.event)),
        (None, Some(product)) => format!("{}/{}", shown(product), shown(&sub.event)),
        (None, None) => shown(&sub.event),
    };
    match &sub.product {
        Some(product) => {
            let key = PRODUCT_ALIASES.iter().find(|(alias, _)| alias == product).map_or(product.as_str(), |(_, key)| key);
            let whose = match sub.module {
                Some(_) => format!(" (a {} module)", ir.products.iter().find(|p| p.key == key).map_or(key, |p| p.title.as_str())),
                None => String::new(),
            };
            match named.iter().find(|e| ir.product_of(e).key == key) {
                Some(event) => Ok(ir.qualified_name(event)),
                None if named.is_empty() => Err(format!("{subject}{whose}: the spec has no such event")),
                None => Err(format!("{subject}{whose}: the spec has {} only for {}", shown(&sub.event), products(&named))),
            }
        }
        None => {
            let unknown_module = sub.module.as_deref().filter(|m| modules::module(m) == Module::Unknown);
            match named.as_slice() {
                [one] => Ok(ir.qualified_name(one)),
                [] => Err(format!("{subject}: the spec has no such event")),
                many => Err(match unknown_module {
                    Some(module) => format!(
                        "{subject}: raised by {} and the module {} is not one of a known product; write that file with `fwevents fixture PRODUCT/EVENT`",
                        products(many),
                        shown(module)
                    ),
                    None => format!(
                        "{subject}: raised by {} and the manifest's modules do not say which product; write that file with `fwevents fixture PRODUCT/EVENT`",
                        products(many)
                    ),
                }),
            }
        }
    }
}

fn read_manifest(app: &Path) -> anyhow::Result<Value> {
    let path = app.join("manifest.json");
    let Some(text) = app_files::read_regular(&path, app_files::MANIFEST_LIMIT)? else {
        anyhow::bail!("no manifest.json in {} (give the app's folder with --app)", app.display())
    };
    serde_json::from_str(&text).with_context(|| format!("{} is not valid JSON", path.display()))
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let manifest = read_manifest(&args.app)?;
    let path = args.app.join("manifest.json");
    let subs = subscriptions(&manifest).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| format!("{}: {p}", path.display())).collect();
        anyhow::anyhow!("the manifest cannot be read:\n{}", lines.join("\n"))
    })?;
    let ir = spec_input::ir(None)?;
    // One file per event name: the simulator names test data after the event alone.
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    let mut order = Vec::new();
    let mut uncovered = Vec::new();
    for sub in &subs {
        match resolve(&ir, sub) {
            Ok(qualified) => match files.get(&sub.event) {
                Some(taken) if *taken != qualified => uncovered.push(format!(
                    "{qualified}: {}.json is already written for {taken}; the simulator keeps one file per event name",
                    sub.event
                )),
                Some(_) => {}
                None => {
                    files.insert(sub.event.clone(), qualified.clone());
                    order.push((sub.event.clone(), qualified));
                }
            },
            Err(why) => uncovered.push(why),
        }
    }
    let mut failed = false;
    if !order.is_empty() {
        app_files::real_folder(&app_files::checked_from(&args.app, &args.out), &args.out)?;
    }
    for (event, qualified) in &order {
        let target = args.out.join(format!("{event}.json"));
        if app_files::entry(&target)? == app_files::Entry::File && !args.force {
            println!("kept {} (it exists; --force overwrites)", target.display());
            continue;
        }
        match fixture::make(qualified, args.seed)? {
            Made::Json(text) => match app_files::write_regular(&target, &(text + "\n"), args.force) {
                Ok(app_files::Written::Kept) => println!("kept {} (it exists; --force overwrites)", target.display()),
                Ok(_) => println!("wrote {} ({qualified})", target.display()),
                Err(why) => {
                    eprintln!("error: not written: {why:#}");
                    failed = true;
                }
            },
            Made::Invalid(why) => {
                eprintln!("error: not written: {}: {why}", target.display());
                failed = true;
            }
        }
    }
    for why in &uncovered {
        eprintln!("not covered: {why}");
    }
    if order.is_empty() {
        eprintln!("note: none of the {} events the manifest subscribes to is in the spec; nothing written", subs.len());
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn platform_2_and_3_manifests_list_their_events() {
        let v2 = json!({"platform-version": "2.3", "product": {"freshchat": {"events": {"onAgentActivityCreate": {"handler": "h"}}}}});
        assert_eq!(
            subscriptions(&v2).unwrap(),
            [Subscription { product: Some("freshchat".into()), module: None, event: "onAgentActivityCreate".into() }]
        );
        let v3 = json!({"platform-version": "3.0", "modules": {"common": {"events": {"onAgentUpdate": {"handler": "h"}}}}});
        assert_eq!(
            subscriptions(&v3).unwrap(),
            [Subscription { product: None, module: Some("common".into()), event: "onAgentUpdate".into() }]
        );
        let v3 = json!({"platform-version": "3.0", "modules": {"support_agent": {"events": {"onAgentUpdate": {"handler": "h"}}}}});
        assert_eq!(
            subscriptions(&v3).unwrap(),
            [Subscription { product: Some("freshdesk".into()), module: Some("support_agent".into()), event: "onAgentUpdate".into() }]
        );
    }

    #[test]
    fn every_problem_of_a_manifest_is_reported_with_its_pointer() {
        let bad = json!({"product": {"freshchat": {"events": [1]}, "freshdesk": {"events": {"onX": {}, "onY": {"handler": 3}, "a/b": 1}}, "x": 2}});
        let problems = subscriptions(&bad).unwrap_err();
        assert_eq!(
            problems,
            [
                "/product/freshchat/events: expected an object of event names, found an array",
                "/product/freshdesk/events/a~1b: expected {\"handler\": NAME}, found a number",
                "/product/freshdesk/events/onX: no \"handler\"",
                "/product/freshdesk/events/onY/handler: expected the handler's name, found a number",
                "/product/x: expected an object, found a number",
            ]
        );
        assert_eq!(subscriptions(&json!([])).unwrap_err(), ["expected a JSON object, found an array"]);
        assert!(subscriptions(&json!({"platform-version": "2.3"})).unwrap_err()[0].contains("no \"product\""));
        assert!(subscriptions(&json!({"product": {"freshchat": {}}})).unwrap_err()[0].contains("subscribes to no events"));
    }

    /// The built-in spec with Freshdesk's onAgentUpdate added, so that two products share
    /// the name as they do in the field.
    fn spec_with_two_on_agent_updates() -> codegen::Ir {
        let mut files = spec_input::files(None).unwrap();
        let caller = files.iter().find(|f| f.path.ends_with("freshcaller/onAgentUpdate.yaml")).unwrap();
        let desk = codegen::SourceFile {
            path: caller.path.replace("freshcaller", "freshdesk"),
            text: caller.text.replace("product: freshcaller", "product: freshdesk"),
        };
        files.push(desk);
        codegen::compile(&files).unwrap()
    }

    #[test]
    fn a_name_two_products_share_is_resolved_by_module_and_never_guessed() {
        let ir = spec_with_two_on_agent_updates();
        let sub = |module: &str| {
            let v3 = json!({"modules": {module: {"events": {"onAgentUpdate": {"handler": "h"}}}}});
            subscriptions(&v3).unwrap().remove(0)
        };
        assert_eq!(resolve(&ir, &sub("support_agent")), Ok("freshdesk/onAgentUpdate".to_owned()));
        assert_eq!(resolve(&ir, &sub("caller_conversation")), Ok("freshcaller/onAgentUpdate".to_owned()));
        let common = resolve(&ir, &sub("common")).unwrap_err();
        assert!(
            common.starts_with("common/onAgentUpdate: raised by Freshcaller, Freshdesk and the manifest's modules do not say"),
            "{common}"
        );
        let unknown = resolve(&ir, &sub("billing")).unwrap_err();
        assert!(unknown.contains("the module billing is not one of a known product"), "{unknown}");
        // Platform 2.x names the product outright.
        let v2 = json!({"product": {"freshdesk": {"events": {"onAgentUpdate": {"handler": "h"}}}}});
        assert_eq!(resolve(&ir, &subscriptions(&v2).unwrap()[0]), Ok("freshdesk/onAgentUpdate".to_owned()));
    }
}
