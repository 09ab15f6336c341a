//! `doc-check`: a page against an event of the spec.

use super::guide::{find_field, object_of};
use super::{Page, PageAttr};
use crate::ir::{Check, Event, Field, Ir, Literal, Ty, TypeId, TypeKind};

/// One finding of `doc-check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Attribute path below `data`.
    pub path: String,
    /// Page line, when the attribute is on the page.
    pub line: Option<usize>,
    pub message: String,
    /// A difference the spec already annotates (a quirk), rather than one to act on.
    pub known: bool,
}

/// What `doc-check` found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    pub findings: Vec<Finding>,
    /// Attributes on the page, and how many of them the spec has.
    pub on_page: usize,
    pub matched: usize,
}

impl CheckReport {
    pub fn unexplained(&self) -> usize {
        self.findings.iter().filter(|f| !f.known).count()
    }
}

/// The type a page writes for a spec type.
pub fn page_type(ir: &Ir, f: &Field) -> String {
    fn base(ir: &Ir, ty: &Ty, id_form: Option<&str>) -> String {
        match ty {
            Ty::String | Ty::Timestamp => "string".into(),
            Ty::Integer => "integer".into(),
            Ty::Number => "number".into(),
            Ty::Boolean => "boolean".into(),
            Ty::Id => id_form.unwrap_or("string").into(),
            Ty::Any | Ty::Unresolved | Ty::Map(_) => "object".into(),
            Ty::Change(_) => "array".into(),
            Ty::Array(item) => match item.as_ref() {
                Ty::Named(id) if matches!(ir.ty(*id).kind, TypeKind::Object(_)) => "array of objects".into(),
                _ => "array".into(),
            },
            Ty::Named(id) => match &ir.ty(*id).kind {
                TypeKind::Object(_) => "object".into(),
                TypeKind::Enum(e) if e.repr == crate::ir::EnumRepr::Int => "integer".into(),
                TypeKind::Enum(_) => "string".into(),
            },
        }
    }
    base(ir, &f.ty, f.id_form.map(|f| f.name()))
}

/// Compares a page with an event of the spec.
pub fn check(ir: &Ir, event: &Event, page: &Page) -> CheckReport {
    let mut report = CheckReport::default();
    compare(ir, Some(event.data), &page.attrs, "", &mut report, event, 0);
    report
}

fn enum_values(ir: &Ir, ty: &Ty) -> Option<(Vec<Literal>, bool, TypeId)> {
    match ty {
        Ty::Named(id) => match &ir.ty(*id).kind {
            TypeKind::Enum(e) => Some((e.variants.iter().map(|v| v.wire.clone()).collect(), e.open, *id)),
            TypeKind::Object(_) => None,
        },
        _ => None,
    }
}

fn show(values: &[Literal]) -> String {
    values.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", ")
}

fn compare(ir: &Ir, object: Option<TypeId>, attrs: &[PageAttr], prefix: &str, report: &mut CheckReport, event: &Event, depth: usize) {
    if depth > 16 {
        return;
    }
    let fields: &[Field] = object.map(|id| ir.fields(id)).unwrap_or(&[]);
    let join = |name: &str| {
        if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}.{name}")
        }
    };
    // Whether the object is the event's own (its file), not one of spec/types.yaml, whose
    // facts may come from another event's page.
    let own = object.is_some_and(|id| ir.ty(id).module != 0);
    let mut seen: Vec<&str> = Vec::new();
    // How many times each attribute was listed so far, for "listed again".
    let mut listings: Vec<(&str, usize)> = Vec::new();
    for attr in attrs {
        report.on_page += 1;
        let Some(field) = find_field(fields, &attr.name) else {
            report.findings.push(Finding {
                path: join(&attr.name),
                line: Some(attr.line),
                message: format!("on the page ({}), not in the spec", attr.ty),
                known: false,
            });
            continue;
        };
        report.matched += 1;
        let path = join(&field.wire);
        if seen.contains(&field.wire.as_str()) {
            let times = match listings.iter_mut().find(|(wire, _)| *wire == field.wire) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    listings.push((&field.wire, 2));
                    2
                }
            };
            // The spec records how many times the page lists it: one listing more is news.
            let known = field.doc.listed.is_some_and(|n| times <= n as usize);
            report.findings.push(Finding { path: path.clone(), line: Some(attr.line), message: "listed again on the page".into(), known });
            // The repeat is compared like the first listing: what it says may differ.
        } else {
            seen.push(&field.wire);
        }
        if field.wire != attr.name {
            report.findings.push(Finding {
                path: path.clone(),
                line: Some(attr.line),
                message: format!("the page writes \"{}\"; the spec's wire name is \"{}\"", attr.name, field.wire),
                known: field.doc.name.as_deref() == Some(attr.name.as_str()),
            });
        }
        let expected = page_type(ir, field);
        let type_quirk = attr.ty != expected;
        if type_quirk {
            let known = field.doc.ty.as_deref() == Some(attr.ty.as_str());
            report.findings.push(Finding {
                path: path.clone(),
                line: Some(attr.line),
                message: format!("the page types it \"{}\"; the spec reads it as \"{expected}\"", attr.ty),
                known,
            });
        }
        if let Some(listed) = &attr.values {
            check_values(ir, field, listed, attr, &path, report, event);
        }
        // A fact the spec records of how this page writes the attribute that the page no
        // longer shows: the quirk it explained is gone, and the record should go too. (A
        // shared type's facts may come from another event's page, so only the event's own.)
        if own && !from_shared_file(ir, field) {
            let mut stale = Vec::new();
            if field.doc.name.as_deref().is_some_and(|n| n != attr.name && attr.name == field.wire) {
                stale.push("name");
            }
            if field.doc.ty.as_deref().is_some_and(|t| t != attr.ty && !type_quirk) {
                stale.push("type");
            }
            if let (Some(recorded), Some(listed)) = (&field.doc.values, &attr.values) {
                let said = report.findings.iter().any(|f| f.path == path && !f.known);
                if recorded != listed && !said {
                    stale.push("values");
                }
            }
            if !stale.is_empty() {
                report.findings.push(Finding {
                    path: path.clone(),
                    line: Some(attr.line),
                    message: format!(
                        "the page no longer writes it as the spec records ({}): update `doc` on {} and its quirk",
                        stale.join(", "),
                        field.spec_path
                    ),
                    known: false,
                });
            }
        }
        if !type_quirk || attr.is_container() {
            let inner = if matches!(field.ty, Ty::Array(_)) { format!("{path}[]") } else { path.clone() };
            compare(ir, object_of(ir, &field.ty), &attr.children, &inner, report, event, depth + 1);
        }
    }
    // Listed fewer times than the spec records: the repeat it explained is gone.
    for f in fields.iter().filter(|f| own && !from_shared_file(ir, f) && seen.contains(&f.wire.as_str())) {
        let times = listings.iter().find(|(wire, _)| *wire == f.wire).map_or(1, |(_, n)| *n);
        if let Some(recorded) = f.doc.listed.filter(|&n| (n as usize) > times) {
            report.findings.push(Finding {
                path: join(&f.wire),
                line: None,
                message: format!(
                    "listed {times} time(s) on the page; the spec records {recorded}: update `doc` on {} and its quirk",
                    f.spec_path
                ),
                known: false,
            });
        }
    }
    // What the spec has and the page does not.
    for f in fields {
        if seen.contains(&f.wire.as_str()) || f.doc.absent {
            continue;
        }
        let elsewhere = !f.doc.only.is_empty() && !f.doc.only.contains(&event.name);
        let message = if elsewhere {
            format!("in the spec, listed only on the {} page", f.doc.only.join(" and "))
        } else {
            match object.map(|id| (id, users_of(ir, id))) {
                // A shared type serves pages that list different attributes: the fix may be
                // to say which pages list this one, not to remove it.
                Some((id, events)) if events.len() > 1 => {
                    let others: Vec<&str> = events.iter().map(|e| e.name.as_str()).filter(|n| *n != event.name).collect();
                    format!(
                        "in the spec, not on the page; {} is shared with {}: if only their pages list it, declare it on {} with `doc: {{ only: [{}] }}`",
                        ir.ty(id).name,
                        others.join(", "),
                        f.spec_path,
                        others.join(", ")
                    )
                }
                _ => "in the spec, not on the page".into(),
            }
        };
        report.findings.push(Finding { path: join(&f.wire), line: None, message, known: elsewhere });
    }
}

fn check_values(ir: &Ir, field: &Field, listed: &[Literal], attr: &PageAttr, path: &str, report: &mut CheckReport, event: &Event) {
    let spec: Vec<Literal> = match (&field.ty, enum_values(ir, &field.ty)) {
        (Ty::Boolean, _) => vec![Literal::Bool(true), Literal::Bool(false)],
        (_, Some((values, _, _))) => values,
        _ => Vec::new(),
    };
    let extra: Vec<Literal> = listed.iter().filter(|v| !spec.contains(v)).cloned().collect();
    // A shared enum holds every event's values; this event's unconditional rules on the
    // attribute say which of them its page need list.
    let mut owed = spec.clone();
    for rule in event.rules.iter().filter(|r| r.when.is_none()) {
        match &rule.check {
            Check::OneOf(p, allowed) if p.text == path => owed.retain(|v| allowed.contains(v)),
            Check::Equals(p, value) if p.text == path => owed.retain(|v| v == value),
            _ => {}
        }
    }
    let missing: Vec<Literal> = owed.iter().filter(|v| !listed.contains(v)).cloned().collect();
    let documented = field.doc.values.as_deref() == Some(listed);
    if attr.open {
        // "AVAILABLE, UNAVAILABLE, or the name of the custom status": the page documents
        // values beyond its list, which only an `open: documented` enum accepts in strict.
        let reading = match &field.ty {
            Ty::Named(id) => match &ir.ty(*id).kind {
                TypeKind::Enum(e) if e.documented => None,
                TypeKind::Enum(e) if e.open => Some("open only for values the vendor may add, so strict reports them"),
                TypeKind::Enum(_) => Some("closed"),
                TypeKind::Object(_) => None,
            },
            _ => None,
        };
        if let Some(reading) = reading {
            report.findings.push(Finding {
                path: path.to_string(),
                line: Some(attr.line),
                message: format!(
                    "the page says values beyond {} occur (\"or ...\"); the spec's enum is {reading}: make it `open: documented`",
                    show(listed)
                ),
                known: false,
            });
        }
    }
    if !extra.is_empty() {
        report.findings.push(Finding {
            path: path.to_string(),
            line: Some(attr.line),
            message: format!("the page lists {} that the spec does not accept", show(&extra)),
            known: documented,
        });
    }
    if !missing.is_empty() {
        report.findings.push(Finding {
            path: path.to_string(),
            line: Some(attr.line),
            message: format!("the spec accepts {} that the page does not list", show(&missing)),
            // Only the listing the spec records for the page explains it: a value dropped
            // from a shared enum's list is news even though other events use the enum.
            known: documented,
        });
    }
}

/// Whether a field is written in spec/types.yaml (an event's copy of a shared type keeps
/// the shared spec path), so that its page facts may come from another event's page.
fn from_shared_file(ir: &Ir, field: &Field) -> bool {
    ir.types.iter().any(|t| t.module == 0 && field.spec_path.strip_prefix(t.spec_path.as_str()).is_some_and(|rest| rest.starts_with('.')))
}

/// The events whose payload reaches a type, in spec order.
fn users_of(ir: &Ir, id: TypeId) -> Vec<&Event> {
    fn uses(ir: &Ir, ty: &Ty, target: TypeId, seen: &mut Vec<TypeId>) -> bool {
        match ty {
            Ty::Named(id) if *id == target => true,
            Ty::Named(id) if !seen.contains(id) => {
                seen.push(*id);
                ir.fields(*id).iter().any(|f| uses(ir, &f.ty, target, seen))
            }
            Ty::Array(i) | Ty::Map(i) => uses(ir, i, target, seen),
            _ => false,
        }
    }
    ir.events.iter().filter(|e| uses(ir, &Ty::Named(e.data), id, &mut Vec::new())).collect()
}
