//! TypeScript spelling: property names, literals and the names the emitter makes up.

use crate::ir::Literal;

/// The name of a strict `Data`'s attributes when `Data` itself adds conditions to them.
pub(super) fn base_name(data: &str) -> String {
    format!("{data}Base")
}

pub(super) fn ts_literal(l: &Literal) -> String {
    match l {
        Literal::Str(s) => serde_json::to_string(s).unwrap_or_default(),
        Literal::Int(i) => i.to_string(),
        Literal::Bool(b) => b.to_string(),
        Literal::Float(f) => f.to_string(),
    }
}

/// A property name as written in an interface: bare when it is an identifier.
pub(super) fn prop_name(wire: &str) -> String {
    let mut chars = wire.chars();
    let ident = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if ident {
        wire.to_string()
    } else {
        serde_json::to_string(wire).unwrap_or_default()
    }
}
