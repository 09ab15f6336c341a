//! Emitters: each turns the [`Ir`](crate::ir::Ir) into one kind of output. None of them
//! reads files or the environment.

pub mod docs;
pub mod fake;
pub mod rust;
pub mod schema;
pub mod typescript;

/// Spec text (a file name) for a `//` comment: control characters, which would end the
/// comment or hide text, are shown escaped.
pub(crate) fn comment_text(s: &str) -> String {
    s.chars().flat_map(|c| if c.is_control() { c.escape_default().collect::<Vec<_>>() } else { vec![c] }).collect()
}

/// Text shared by emitters that describe attributes.
pub(crate) mod text {
    use crate::ir::{Field, Ir, Literal, Presence, Ty, TypeKind};

    /// The type of an attribute in words: `string`, `array of SocialProfile`, ...
    pub fn type_name(ir: &Ir, ty: &Ty) -> String {
        match ty {
            Ty::String => "string".into(),
            Ty::Integer => "integer".into(),
            Ty::Number => "number".into(),
            Ty::Boolean => "boolean".into(),
            Ty::Timestamp => "timestamp".into(),
            Ty::Id => "id (string or integer)".into(),
            Ty::Any | Ty::Unresolved => "any JSON value".into(),
            Ty::Change(crate::ir::ChangeOrder::OldNew) => "change [old, new]".into(),
            Ty::Change(crate::ir::ChangeOrder::NewOld) => "change [new, old]".into(),
            Ty::Array(item) => format!("array of {}", type_name(ir, item)),
            Ty::Map(value) => format!("map of attribute name to {}", type_name(ir, value)),
            Ty::Named(id) => {
                let t = ir.ty(*id);
                match &t.kind {
                    TypeKind::Object(_) => format!("object {}", t.name),
                    TypeKind::Enum(e) => format!(
                        "{} enum {}{}",
                        if e.repr == crate::ir::EnumRepr::Int { "integer" } else { "string" },
                        t.name,
                        if e.open { " (open)" } else { "" }
                    ),
                }
            }
        }
    }

    pub fn presence(p: Presence) -> String {
        format!(
            "{}, {}",
            if p.optional { "may be absent" } else { "required" },
            if p.nullable { "may be null" } else { "not null" }
        )
    }

    pub fn literal(l: &Literal) -> String {
        match l {
            Literal::Str(s) => format!("\"{s}\""),
            other => other.to_string(),
        }
    }

    /// Enum values of the attribute's type, if it is an enum: `"agent", "system"`.
    pub fn enum_values(ir: &Ir, ty: &Ty) -> Option<(Vec<String>, bool)> {
        match ty {
            Ty::Named(id) => match &ir.ty(*id).kind {
                TypeKind::Enum(e) => Some((e.variants.iter().map(|v| literal(&v.wire)).collect(), e.open)),
                TypeKind::Object(_) => None,
            },
            Ty::Array(item) => enum_values(ir, item),
            _ => None,
        }
    }

    /// What the docs page writes differently, in words.
    pub fn doc_facts(f: &Field) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(name) = &f.doc.name {
            out.push(format!("the page writes the name as \"{name}\""));
        }
        if let Some(ty) = &f.doc.ty {
            out.push(format!("the page gives the type as \"{ty}\""));
        }
        if let Some(values) = &f.doc.values {
            let v: Vec<String> = values.iter().map(literal).collect();
            out.push(format!("the page lists the values {}", v.join(", ")));
        }
        if let Some(n) = f.doc.listed {
            out.push(format!("the page lists it {n} times"));
        }
        if !f.doc.only.is_empty() {
            out.push(format!("only the {} page lists it", f.doc.only.join(" and ")));
        }
        if f.doc.absent {
            out.push("not on the documentation page; read off real payloads".into());
        }
        out
    }
}
