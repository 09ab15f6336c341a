//! A type of the spec in words, for every place that says one: the reference docs, the
//! diff, and the checker's messages. One function, so that a new kind of type is described
//! everywhere at once; each place picks how much it says.

use crate::ir::{ChangeOrder, EnumRepr, Ir, Ty, TypeKind};

/// How a type is put in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// For the reader of the docs: names of named types, the forms an id takes, whether an
    /// enum is open (`array of object SocialProfile`).
    Docs,
    /// The shape alone, without Rust names, so that renaming or moving a type is not a
    /// change (`array of object`).
    Shape,
    /// For a sentence in a message: with an article, and the name of a named type in
    /// parentheses (`an object (SocialProfile)`).
    Message,
}

/// The type `ty` of `ir` in words.
pub fn type_words(ir: &Ir, ty: &Ty, style: Style) -> String {
    let (docs, message) = (style == Style::Docs, style == Style::Message);
    let article = |a: &str, words: &str| if message { format!("{a} {words}") } else { words.to_string() };
    match ty {
        Ty::String => article("a", "string"),
        Ty::Integer => article("an", "integer"),
        Ty::Number => article("a", "number"),
        Ty::Boolean => article("a", "boolean"),
        Ty::Timestamp => article("a", "timestamp"),
        Ty::Id if docs => "id (string or integer)".into(),
        Ty::Id => article("an", "id"),
        Ty::Any if message => "any value".into(),
        Ty::Any => "any JSON value".into(),
        Ty::Unresolved if message => "of an unresolved type".into(),
        Ty::Unresolved if docs => "any JSON value".into(),
        Ty::Unresolved => "unresolved".into(),
        Ty::Change(_) if message => "a change".into(),
        Ty::Change(ChangeOrder::OldNew) => "change [old, new]".into(),
        Ty::Change(ChangeOrder::NewOld) => "change [new, old]".into(),
        Ty::Array(_) if message => "an array".into(),
        Ty::Array(item) => format!("array of {}", type_words(ir, item, style)),
        Ty::Map(_) if message => "a map".into(),
        Ty::Map(value) if docs => format!("map of attribute name to {}", type_words(ir, value, style)),
        Ty::Map(value) => format!("map of {}", type_words(ir, value, style)),
        Ty::Named(id) => {
            let Some(t) = ir.types.get(id.index()) else { return type_words(ir, &Ty::Unresolved, style) };
            let kind = match &t.kind {
                TypeKind::Object(_) => "object",
                TypeKind::Enum(e) if e.repr == EnumRepr::Int => "integer enum",
                TypeKind::Enum(_) => "string enum",
            };
            let open = matches!(&t.kind, TypeKind::Enum(e) if e.open);
            match style {
                Style::Docs => format!("{kind} {}{}", t.name, if open { " (open)" } else { "" }),
                Style::Shape => kind.to_string(),
                Style::Message => format!("{} {kind} ({})", if kind.starts_with(['o', 'i']) { "an" } else { "a" }, t.name),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compile, SourceFile};

    #[test]
    fn one_type_in_each_style() {
        let event = "event: onThing\nproduct: acme\ndescription: d\ndata:\n  tags:\n    type: array\n    items: { type: object, rust_name: Tag, fields: { n: { type: integer } } }\n  level: { type: integer, open: true, enum: [{ value: 1, name: low }, { value: 2, name: high }] }\n  m: { type: map, values: { type: id }, doc: { type: string } }\n";
        let files = [
            SourceFile { path: "spec.yaml".into(), text: crate::testing::BASE_SPEC.into() },
            SourceFile { path: "acme/onThing.yaml".into(), text: event.into() },
        ];
        let ir = compile(&files).unwrap();
        let words = |wire: &str, style| {
            let f = ir.fields(ir.events[0].data).iter().find(|f| f.wire == wire).unwrap();
            type_words(&ir, &f.ty, style)
        };
        assert_eq!(words("tags", Style::Docs), "array of object Tag");
        assert_eq!(words("tags", Style::Shape), "array of object");
        assert_eq!(words("tags", Style::Message), "an array");
        assert_eq!(words("level", Style::Docs), "integer enum Level (open)");
        assert_eq!(words("level", Style::Shape), "integer enum");
        assert_eq!(words("level", Style::Message), "an integer enum (Level)");
        assert_eq!(words("m", Style::Docs), "map of attribute name to id (string or integer)");
        assert_eq!(words("m", Style::Shape), "map of id");
        assert_eq!(words("m", Style::Message), "a map");
    }
}
