//! Seeded fixtures against the spec: across seeds, every enum value, null branch, absent
//! attribute and rule branch the spec's IR lists is reached. (That each fixture is valid
//! and round trips is the models crate's test, `fixtures`.)

use std::collections::{BTreeMap, BTreeSet};

use codegen::ir::{CondOp, Ir, Literal, Ty, TypeKind};
use freshworks_events::{Event, EventKind};
use serde_json::Value;

use crate::common;

const SEEDS: u64 = 2000;

fn ir() -> Ir {
    codegen::compile(&codegen::source::read_spec_dir(&common::root().join("spec")).unwrap()).unwrap()
}

/// What the seeds reached, by attribute path below the payload root.
#[derive(Default)]
struct Coverage {
    values: BTreeMap<String, BTreeSet<String>>,
    null: BTreeSet<String>,
    absent: BTreeSet<String>,
    /// Attributes seen with a value (not null, not absent).
    present: BTreeSet<String>,
    /// Attributes the strict reading lets be null only under a rule's condition.
    conditional: BTreeSet<String>,
    /// Enums whose page documents values beyond the list, seen with one of those.
    others: BTreeSet<String>,
    rule_branches: BTreeSet<(String, bool)>,
    /// The event whose conditional nulls are wanted.
    event: String,
}

fn lit_json(l: &Literal) -> Value {
    match l {
        Literal::Str(s) => Value::from(s.as_str()),
        Literal::Int(i) => Value::from(*i),
        Literal::Bool(b) => Value::from(*b),
        Literal::Float(f) => Value::from(*f),
    }
}

/// Walks the spec's attribute tree over a fixture, noting what it meets.
fn walk(ir: &Ir, ty: &Ty, value: &Value, path: &str, cov: &mut Coverage, depth: usize) {
    if depth > 12 {
        return;
    }
    match ty {
        Ty::Named(id) => match &ir.ty(*id).kind {
            TypeKind::Object(fields) => {
                for f in fields {
                    let p = format!("{path}.{}", f.wire);
                    match value.get(&f.wire) {
                        None => {
                            cov.absent.insert(p);
                        }
                        Some(Value::Null) => {
                            cov.null.insert(p);
                        }
                        Some(v) => {
                            cov.present.insert(p.clone());
                            walk(ir, &f.ty, v, &p, cov, depth + 1)
                        }
                    }
                }
            }
            TypeKind::Enum(e) => {
                if !e.variants.iter().any(|v| lit_json(&v.wire) == *value) {
                    cov.others.insert(path.to_string());
                }
                cov.values.entry(path.to_string()).or_default().insert(value.to_string());
            }
        },
        Ty::Array(item) => {
            for v in value.as_array().into_iter().flatten() {
                walk(ir, item, v, &format!("{path}[]"), cov, depth + 1);
            }
        }
        Ty::Boolean => {
            cov.values.entry(path.to_string()).or_default().insert(value.to_string());
        }
        _ => {}
    }
}

/// Everything the seeds must reach for an event.
fn wanted(ir: &Ir, ty: &Ty, path: &str, cov: &mut Coverage, depth: usize) {
    if depth > 12 {
        return;
    }
    match ty {
        Ty::Named(id) => match &ir.ty(*id).kind {
            TypeKind::Object(fields) => {
                for f in fields {
                    let p = format!("{path}.{}", f.wire);
                    if f.strict.nullable {
                        cov.null.insert(p.clone());
                    }
                    if f.strict.optional {
                        cov.absent.insert(p.clone());
                    }
                    if f.null_when.iter().any(|w| w.starts_with(&format!("{}: ", cov.event))) {
                        cov.conditional.insert(p.clone());
                    }
                    wanted(ir, &f.ty, &p, cov, depth + 1);
                }
            }
            TypeKind::Enum(e) => {
                if e.documented {
                    cov.others.insert(path.to_string());
                }
                let values = e.variants.iter().map(|v| lit_json(&v.wire).to_string()).collect();
                cov.values.insert(path.to_string(), values);
            }
        },
        Ty::Array(item) => wanted(ir, item, &format!("{path}[]"), cov, depth + 1),
        Ty::Boolean => {
            cov.values.insert(path.to_string(), ["true".to_string(), "false".to_string()].into());
        }
        _ => {}
    }
}

#[test]
fn seeds_reach_every_enum_value_null_branch_and_rule_branch() {
    let ir = ir();
    for event in &ir.events {
        let name = ir.qualified_name(event);
        let kind = name.parse::<EventKind>().unwrap();
        let mut want = Coverage { event: event.name.clone(), ..Coverage::default() };
        wanted(&ir, &Ty::Named(event.data), "data", &mut want, 0);
        // A value that a rule rules out everywhere is not a branch to reach.
        for rule in event.rules.iter().filter(|r| r.when.is_none()) {
            let (path, allowed) = match &rule.check {
                codegen::ir::Check::Equals(p, l) => (p, vec![l.clone()]),
                codegen::ir::Check::OneOf(p, ls) => (p, ls.clone()),
                _ => continue,
            };
            if let Some(values) = want.values.get_mut(&format!("data.{}", path.text)) {
                let allowed: Vec<String> = allowed.iter().map(|l| lit_json(l).to_string()).collect();
                values.retain(|v| allowed.contains(v));
            }
        }
        let mut got = Coverage::default();
        for seed in 0..SEEDS {
            let value = serde_json::to_value(Event::fixture(kind, Some(seed)).unwrap()).unwrap();
            let data = &value["data"];
            walk(&ir, &Ty::Named(event.data), data, "data", &mut got, 0);
            for rule in &event.rules {
                let holds = match &rule.when {
                    None => true,
                    Some(c) => {
                        let pointer = format!("/{}", c.path.steps.iter().map(|s| s.wire.as_str()).collect::<Vec<_>>().join("/"));
                        let v = data.pointer(&pointer).cloned().unwrap_or(Value::Null);
                        let hit = |ls: &[Literal]| ls.iter().any(|l| lit_json(l) == v);
                        match &c.op {
                            CondOp::Equals(l) => hit(std::slice::from_ref(l)),
                            CondOp::In(ls) => hit(ls),
                            CondOp::NotIn(ls) => !v.is_null() && !hit(ls),
                        }
                    }
                };
                got.rule_branches.insert((rule.id.clone(), holds));
            }
        }
        for (path, values) in &want.values {
            let seen = got.values.get(path).cloned().unwrap_or_default();
            let missing: Vec<&String> = values.iter().filter(|v| !seen.contains(*v)).collect();
            assert!(missing.is_empty(), "{name}: {path} never took {missing:?}");
        }
        let never_null: Vec<&String> = want.null.difference(&got.null).collect();
        assert!(never_null.is_empty(), "{name}: never null: {never_null:?}");
        // Both branches of every conditional null: null when the rule's condition holds, a
        // value otherwise.
        for path in &want.conditional {
            assert!(got.null.contains(path) && got.present.contains(path), "{name}: {path} not seen both null and set");
        }
        // Values beyond the list that the page documents (custom status names).
        let never_other: Vec<&String> = want.others.difference(&got.others).collect();
        assert!(never_other.is_empty(), "{name}: never a documented other value: {never_other:?}");
        let never_absent: Vec<&String> = want.absent.difference(&got.absent).collect();
        assert!(never_absent.is_empty(), "{name}: never absent: {never_absent:?}");
        for rule in &event.rules {
            assert!(got.rule_branches.contains(&(rule.id.clone(), true)), "{name}: rule {} never applied", rule.id);
            if rule.when.is_some() {
                assert!(got.rule_branches.contains(&(rule.id.clone(), false)), "{name}: rule {} always applied", rule.id);
            }
        }
    }
}
