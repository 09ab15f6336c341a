//! The shapes of types the derives look into, by their last path segment: the declarations
//! name them through the models crate's `rt` alias, whose path the derive cannot resolve.

use syn::{GenericArgument, PathArguments, Type};

/// `T` of `Name<T>`, for a path type whose last segment is `name`.
fn argument<'a>(ty: &'a Type, name: &str) -> Option<&'a Type> {
    let Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != name {
        return None;
    }
    match &last.arguments {
        PathArguments::AngleBracketed(args) => match args.args.first()? {
            GenericArgument::Type(t) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

/// `T` of `rt::Field<T>`: the value type of an attribute's slot.
pub fn slot_inner(ty: &Type) -> Option<&Type> {
    argument(ty, "Field")
}

/// `T` of `Box<T>`.
pub fn boxed(ty: &Type) -> Option<&Type> {
    argument(ty, "Box")
}

/// Whether a type is the runtime's string type (`rt::Text`).
pub fn is_text(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.segments.last().is_some_and(|s| s.ident == "Text" && s.arguments.is_empty()))
}

/// The last segment's name of a path type.
pub fn last_ident(ty: &Type) -> Option<&syn::Ident> {
    match ty {
        Type::Path(p) => p.path.segments.last().map(|s| &s.ident),
        _ => None,
    }
}
