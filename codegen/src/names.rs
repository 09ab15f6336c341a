//! Rust names for spec names: heck's case conversions, made safe against keywords and
//! leading digits. Collisions are not resolved here; the resolver reports them.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Keywords of every edition, strict and reserved.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn", "else", "enum", "extern",
    "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type", "typeof", "union", "unsafe",
    "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super", "_"];

/// A field or module name: `snake_case`, with `r#` before keywords (`r#type`), or a
/// trailing `_` where a raw identifier is not allowed (`self_`).
pub fn field_ident(name: &str) -> Option<String> {
    safe(digit_prefix(&name.to_snake_case(), "_"))
}

/// A type or variant name: `UpperCamelCase`.
pub fn type_ident(name: &str) -> Option<String> {
    safe(digit_prefix(&name.to_upper_camel_case(), "V"))
}

fn digit_prefix(s: &str, prefix: &str) -> String {
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{prefix}{s}")
    } else {
        s.to_string()
    }
}

fn safe(s: String) -> Option<String> {
    if s.is_empty() || !s.chars().all(|c| c == '_' || c.is_ascii_alphanumeric()) {
        return None;
    }
    if s.chars().all(|c| c == '_') {
        return None;
    }
    if NOT_RAW.contains(&s.as_str()) {
        return Some(format!("{s}_"));
    }
    if KEYWORDS.contains(&s.as_str()) {
        return Some(format!("r#{s}"));
    }
    Some(s)
}

/// The name of a builder's editor, its second setter for an object attribute
/// (`owner_with`), from the field's Rust name. A field that had to become `self_` gives
/// `self_with`, not `self__with`, which rustc warns about; `r#type` gives `type_with`.
/// Decided here once: the resolver checks collisions with this name, and the Rust emitter
/// hands it to the derive (`#[fw(editor = owner_with)]`), which never derives it again.
pub fn editor_ident(field_ident: &str) -> String {
    format!("{}_with", field_ident.trim_start_matches("r#").trim_end_matches('_'))
}

/// The longest event name, product key or path component accepted.
pub const MAX_NAME_LEN: usize = 100;

/// Why an event name or product key cannot be used, if it cannot. Such names become
/// module names, file names below the output directories (`docs/events/<product>/<event>.md`)
/// and text in generated code, so they are plain ASCII identifiers: a letter, then letters,
/// digits or `_`, at most [`MAX_NAME_LEN`] characters. Nothing else can escape a directory,
/// a comment or a literal.
pub fn check_spec_name(name: &str) -> Result<(), String> {
    let ok = name.len() <= MAX_NAME_LEN
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ok {
        Ok(())
    } else if name.len() > MAX_NAME_LEN {
        Err(format!("is longer than {MAX_NAME_LEN} characters"))
    } else {
        Err("is not a plain name: a letter, then letters, digits or `_`".to_string())
    }
}

/// Why a spec file's path (relative, `/`-separated) cannot be used, if it cannot. Paths go
/// into generated headers, cargo directives and messages: each component is letters, digits,
/// `_`, `-` and `.`, not starting with a dot (so no `..`, no hidden files), and the path is
/// relative.
pub fn check_spec_path(path: &str) -> Result<(), String> {
    if path.is_empty() {
        return Err("the path is empty".into());
    }
    if path.starts_with('/') {
        return Err("the path is absolute; spec paths are relative to the spec directory".into());
    }
    for part in path.split('/') {
        if part.is_empty() || part.starts_with('.') {
            return Err(format!("\"{part}\" is not a file or directory name a spec may use (empty, `.`, `..` or hidden)"));
        }
        if part.len() > MAX_NAME_LEN {
            return Err(format!("a path component is longer than {MAX_NAME_LEN} characters"));
        }
        if !part.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')) {
            return Err("spec file and directory names use only letters, digits, `_`, `-` and `.`".into());
        }
    }
    Ok(())
}

/// Whether a name is a keyword that [`field_ident`] or [`type_ident`] escaped.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_made_safe() {
        assert_eq!(field_ident("type").as_deref(), Some("r#type"));
        assert_eq!(field_ident("self").as_deref(), Some("self_"));
        assert_eq!(type_ident("self").as_deref(), Some("Self_"));
        assert_eq!(field_ident("gen").as_deref(), Some("r#gen"));
    }

    #[test]
    fn cases_and_digits() {
        assert_eq!(field_ident("Phone").as_deref(), Some("phone"));
        assert_eq!(field_ident("onAgentActivityCreate").as_deref(), Some("on_agent_activity_create"));
        assert_eq!(type_ident("GeneralAvailability").as_deref(), Some("GeneralAvailability"));
        assert_eq!(type_ident("custom_status").as_deref(), Some("CustomStatus"));
        assert_eq!(type_ident("AVAILABLE").as_deref(), Some("Available"));
        assert_eq!(type_ident("2fa").as_deref(), Some("V2fa"));
        assert_eq!(field_ident("2fa").as_deref(), Some("_2fa"));
    }

    #[test]
    fn names_without_letters_have_no_identifier() {
        assert_eq!(field_ident(""), None);
        assert_eq!(type_ident("--"), None);
        assert_eq!(field_ident("a b").as_deref(), Some("a_b"));
        assert_eq!(field_ident("é"), None);
    }

    #[test]
    fn spec_names_and_paths_are_plain() {
        assert!(check_spec_name("onAgentActivityCreate").is_ok());
        assert!(check_spec_name("p_1").is_ok());
        for bad in ["", "1x", "../../x/y", "/x/y", "a\"b", "a\nb", "a-b", "é", &"x".repeat(101)] {
            assert!(check_spec_name(bad).is_err(), "{bad:?}");
        }
        assert!(check_spec_path("freshchat/onAgentActivityCreate.yaml").is_ok());
        assert!(check_spec_path("spec.yaml").is_ok());
        for bad in
            ["", "/etc/x.yaml", "../x.yaml", "a/../x.yaml", "a//x.yaml", ".hidden.yaml", "a\\b.yaml", "a\nb.yaml", "a b.yaml", "a\"b.yaml"]
        {
            assert!(check_spec_path(bad).is_err(), "{bad:?}");
        }
    }
}
