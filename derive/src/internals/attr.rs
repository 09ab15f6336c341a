//! The grammar of `#[fw(...)]`, in each place it may stand, read into plain values. A
//! mistake is recorded in the [`Ctxt`] and reading goes on with the next key, so that
//! every mistake of a declaration is reported in one build: an unknown key, a value of the
//! wrong kind, a key given twice, a flag given a value, a key without one.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Attribute, Expr, Ident, Lit, LitStr, Path};

use super::ctxt::Ctxt;

/// One key's value, set at most once.
pub struct Attr<T> {
    name: &'static str,
    value: Option<T>,
}

impl<T> Attr<T> {
    pub fn none(name: &'static str) -> Attr<T> {
        Attr { name, value: None }
    }

    /// Sets the value; a second one is an error at the key that repeats it.
    fn set(&mut self, cx: &Ctxt, key: &Path, value: T) {
        if self.value.is_some() {
            cx.error_spanned_by(key, format!("`{}` is given twice", self.name));
        } else {
            self.value = Some(value);
        }
    }

    pub fn get(self) -> Option<T> {
        self.value
    }
}

/// A key without a value (`utc`, `payload`, `open`): present or not, at most once.
pub struct Flag {
    inner: Attr<Span>,
}

impl Flag {
    pub fn none(name: &'static str) -> Flag {
        Flag { inner: Attr::none(name) }
    }

    fn set(&mut self, cx: &Ctxt, meta: &ParseNestedMeta<'_>) {
        if meta.input.peek(syn::Token![=]) || meta.input.peek(syn::token::Paren) {
            cx.error_spanned_by(&meta.path, format!("`{}` is a flag and takes no value", self.inner.name));
            skip_value(meta.input);
            return;
        }
        self.inner.set(cx, &meta.path, meta.path.get_ident().map_or_else(Span::call_site, Ident::span));
    }

    /// Where the flag stands, if it does.
    pub fn span(&self) -> Option<Span> {
        self.inner.value
    }

    pub fn is_set(&self) -> bool {
        self.inner.value.is_some()
    }
}

/// How present an attribute must be in one reading (`strict = "required"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    Required,
    Nullable,
    Optional,
    Any,
}

/// An example literal, with the sign a number may carry (`example = -5`).
pub struct Example {
    pub lit: Lit,
    pub negative: bool,
}

/// A name of a runtime variant given as snake_case text (`fake = "first_name"`), with the
/// span of the string that gave it.
pub struct Word {
    pub text: String,
    pub span: Span,
}

/// What a field's `#[fw(...)]` says.
pub struct Field {
    pub wire: Attr<LitStr>,
    pub strict: Attr<Presence>,
    pub lenient: Attr<Presence>,
    pub forms: Attr<Vec<Word>>,
    pub id: Attr<Word>,
    pub example: Attr<Example>,
    pub fake: Attr<Word>,
    pub utc: Flag,
    /// The builder's editor of an object attribute: its name, as the generator decided it.
    pub editor: Attr<Ident>,
}

const FIELD_KEYS: &str = "wire, strict, lenient, forms, id, example, fake, utc or editor";

impl Field {
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> Field {
        let mut f = Field {
            wire: Attr::none("wire"),
            strict: Attr::none("strict"),
            lenient: Attr::none("lenient"),
            forms: Attr::none("forms"),
            id: Attr::none("id"),
            example: Attr::none("example"),
            fake: Attr::none("fake"),
            utc: Flag::none("utc"),
            editor: Attr::none("editor"),
        };
        for_each_key(cx, attrs, |meta| {
            let key = key_name(&meta.path);
            match key.as_str() {
                "wire" => {
                    if let Some(v) = value::<LitStr>(cx, meta, "a string: wire = \"name\"") {
                        f.wire.set(cx, &meta.path, v);
                    }
                }
                "strict" | "lenient" => {
                    let Some(s) = value::<LitStr>(cx, meta, "\"required\", \"nullable\", \"optional\" or \"any\"") else { return };
                    let Some(p) = presence(cx, &s) else { return };
                    let slot = if key == "strict" { &mut f.strict } else { &mut f.lenient };
                    slot.set(cx, &meta.path, p);
                }
                "forms" => {
                    let Some(s) = value::<LitStr>(cx, meta, "a string of format names: forms = \"epoch_millis iso8601\"") else { return };
                    let words: Vec<Word> = s.value().split_whitespace().filter_map(|w| word(cx, &s, w)).collect();
                    f.forms.set(cx, &meta.path, words);
                }
                "id" => {
                    if let Some(w) = word_value(cx, meta, "a string: id = \"string\" or id = \"integer\"") {
                        f.id.set(cx, &meta.path, w);
                    }
                }
                "fake" => {
                    if let Some(w) = word_value(cx, meta, "a string: fake = \"email\"") {
                        f.fake.set(cx, &meta.path, w);
                    }
                }
                "example" => {
                    if let Some(e) =
                        value::<Expr>(cx, meta, "a literal: a string, integer, number or boolean").and_then(|e| example(cx, &e))
                    {
                        f.example.set(cx, &meta.path, e);
                    }
                }
                "utc" => f.utc.set(cx, meta),
                "editor" => set_value(cx, meta, &mut f.editor, "the editor's name: editor = owner_with"),
                _ => unknown(cx, meta, "field", FIELD_KEYS),
            }
        });
        f
    }
}

/// What an object's own `#[fw(...)]` says.
pub struct Object {
    pub payload: Flag,
    pub event: Attr<Event>,
}

impl Object {
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> Object {
        let mut o = Object { payload: Flag::none("payload"), event: Attr::none("event") };
        for_each_key(cx, attrs, |meta| match key_name(&meta.path).as_str() {
            "payload" => o.payload.set(cx, meta),
            "event" => {
                if let Some(e) = Event::parse(cx, meta) {
                    o.event.set(cx, &meta.path, e);
                }
            }
            _ => unknown(cx, meta, "type", "payload or event(...)"),
        });
        o
    }
}

/// What `#[fw(event(product = "...", name = "...", domain = "...", rules = RULES,
/// kind = crate::EventKind::Name))]` on an event's data says.
pub struct Event {
    pub product: LitStr,
    pub name: LitStr,
    pub domain: LitStr,
    pub rules: Path,
    pub kind: Path,
}

impl Event {
    fn parse(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> Option<Event> {
        if !meta.input.peek(syn::token::Paren) {
            cx.error_spanned_by(
                &meta.path,
                "`event` takes a list: event(product = \"...\", name = \"...\", domain = \"...\", rules = RULES, kind = Kind::Variant)",
            );
            skip_value(meta.input);
            return None;
        }
        let (mut product, mut name, mut domain) = (Attr::none("product"), Attr::none("name"), Attr::none("domain"));
        let (mut rules, mut kind) = (Attr::none("rules"), Attr::<Path>::none("kind"));
        let parsed = meta.parse_nested_meta(|m| {
            match key_name(&m.path).as_str() {
                "product" => set_value(cx, &m, &mut product, "a string: product = \"freshdesk\""),
                "name" => set_value(cx, &m, &mut name, "a string: name = \"onTicketCreate\""),
                "domain" => set_value(cx, &m, &mut domain, "a string: domain = \"freshdesk.com\""),
                "rules" => set_value(cx, &m, &mut rules, "a path: rules = RULES"),
                "kind" => {
                    if let Some(k) = value::<Path>(cx, &m, "a path: kind = crate::EventKind::Name") {
                        if k.segments.len() > 1 {
                            kind.set(cx, &m.path, k);
                        } else {
                            cx.error_spanned_by(&k, "`kind` names the kind's variant: kind = crate::EventKind::Name");
                        }
                    }
                }
                _ => unknown(cx, &m, "event", "product, name, domain, rules or kind"),
            }
            Ok(())
        });
        if let Err(e) = parsed {
            cx.syn_error(e);
            return None;
        }
        let missing = |what: &str| cx.error_spanned_by(&meta.path, format!("event(...) needs `{what}`"));
        let (product, name, domain, rules, kind) = (product.get(), name.get(), domain.get(), rules.get(), kind.get());
        for (absent, what) in [
            (product.is_none(), "product"),
            (name.is_none(), "name"),
            (domain.is_none(), "domain"),
            (rules.is_none(), "rules"),
            (kind.is_none(), "kind = Kind::Variant"),
        ] {
            if absent {
                missing(what);
            }
        }
        Some(Event { product: product?, name: name?, domain: domain?, rules: rules?, kind: kind? })
    }
}

/// What an enumerated type's own `#[fw(...)]` says.
pub struct Enum {
    pub open: Flag,
    pub documented: Flag,
}

impl Enum {
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> Enum {
        let mut e = Enum { open: Flag::none("open"), documented: Flag::none("documented") };
        for_each_key(cx, attrs, |meta| match key_name(&meta.path).as_str() {
            "open" => e.open.set(cx, meta),
            "documented" => e.documented.set(cx, meta),
            _ => unknown(cx, meta, "enum", "open or documented"),
        });
        e
    }
}

/// A listed value's wire form: `#[fw("agent")]` or `#[fw(1)]`, once.
pub fn variant_wire(cx: &Ctxt, attrs: &[Attribute]) -> Option<Lit> {
    let mut wire: Option<Lit> = None;
    for attr in fw_attrs(attrs) {
        match attr.parse_args::<Lit>() {
            Ok(lit @ (Lit::Str(_) | Lit::Int(_))) => {
                if wire.is_some() {
                    cx.error_spanned_by(attr, "a value has one wire form; this is a second");
                } else {
                    wire = Some(lit);
                }
            }
            Ok(other) => cx.error_spanned_by(other, "enum values are strings or integers"),
            Err(_) => cx.error_spanned_by(attr, "a value's attribute is its wire form: #[fw(\"value\")] or #[fw(1)]"),
        }
    }
    wire
}

/// What the `Event` enum's `#[fw(kind = EventKind, envelope = Envelope)]` says.
pub struct Events {
    pub kind: Attr<Path>,
    pub envelope: Attr<Path>,
}

impl Events {
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> Events {
        let mut e = Events { kind: Attr::none("kind"), envelope: Attr::none("envelope") };
        for_each_key(cx, attrs, |meta| match key_name(&meta.path).as_str() {
            "kind" => set_value(cx, meta, &mut e.kind, "a path: kind = EventKind"),
            "envelope" => set_value(cx, meta, &mut e.envelope, "a path: envelope = Envelope"),
            _ => unknown(cx, meta, "Events", "kind = Type or envelope = Type"),
        });
        e
    }
}

/// A listed variant's `#[fw(product = Product::Name)]`, once.
pub fn listed_product(cx: &Ctxt, attrs: &[Attribute]) -> Option<Path> {
    let mut product = Attr::none("product");
    for_each_key(cx, attrs, |meta| match key_name(&meta.path).as_str() {
        "product" => set_value(cx, meta, &mut product, "a path: product = Product::Name"),
        _ => unknown(cx, meta, "listed variant", "product = Product::Name"),
    });
    product.get()
}

fn fw_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("fw"))
}

/// Runs `each` on every key of every `#[fw(...)]` among `attrs`. `each` records its own
/// mistakes and leaves the input at the next comma; what stops an attribute here is only
/// a list that is not `key`, `key = value` or `key(...)` at all.
fn for_each_key(cx: &Ctxt, attrs: &[Attribute], mut each: impl FnMut(&ParseNestedMeta<'_>)) {
    for attr in fw_attrs(attrs) {
        if let Err(e) = attr.parse_nested_meta(|meta| {
            each(&meta);
            Ok(())
        }) {
            cx.syn_error(e);
        }
    }
}

fn key_name(path: &Path) -> String {
    path.get_ident().map(Ident::to_string).unwrap_or_else(|| path.to_token_stream().to_string().replace(' ', ""))
}

fn unknown(cx: &Ctxt, meta: &ParseNestedMeta<'_>, place: &str, expected: &str) {
    cx.error_spanned_by(&meta.path, format!("unknown {place} attribute `{}`: expected {expected}", key_name(&meta.path)));
    skip_value(meta.input);
}

/// Moves the input past whatever a key carries (`= value` or `(...)`), up to the next
/// comma at this level, so that reading goes on with the next key.
fn skip_value(input: ParseStream<'_>) {
    let _ = value_tokens(input);
}

fn value_tokens(input: ParseStream<'_>) -> syn::Result<TokenStream> {
    input.step(|cursor| {
        let mut rest = *cursor;
        let mut tokens = TokenStream::new();
        while let Some((tt, next)) = rest.token_tree() {
            if matches!(&tt, TokenTree::Punct(p) if p.as_char() == ',') {
                break;
            }
            tokens.extend([tt]);
            rest = next;
        }
        Ok((tokens, rest))
    })
}

/// The value of `key = value`, parsed as `T`; `None` (and an error naming `expected`) when
/// there is no `=`, no value or a value of another kind.
fn value<T: syn::parse::Parse>(cx: &Ctxt, meta: &ParseNestedMeta<'_>, expected: &str) -> Option<T> {
    let key = key_name(&meta.path);
    if meta.input.parse::<syn::Token![=]>().is_err() {
        cx.error_spanned_by(&meta.path, format!("`{key}` takes {expected}"));
        skip_value(meta.input);
        return None;
    }
    let tokens = value_tokens(meta.input).unwrap_or_default();
    if tokens.is_empty() {
        cx.error_spanned_by(&meta.path, format!("`{key}` takes {expected}"));
        return None;
    }
    match syn::parse2::<T>(tokens.clone()) {
        Ok(v) => Some(v),
        Err(_) => {
            cx.error_spanned_by(tokens, format!("`{key}` takes {expected}"));
            None
        }
    }
}

fn set_value<T: syn::parse::Parse>(cx: &Ctxt, meta: &ParseNestedMeta<'_>, slot: &mut Attr<T>, expected: &str) {
    if let Some(v) = value(cx, meta, expected) {
        slot.set(cx, &meta.path, v);
    }
}

fn word_value(cx: &Ctxt, meta: &ParseNestedMeta<'_>, expected: &str) -> Option<Word> {
    let s = value::<LitStr>(cx, meta, expected)?;
    word(cx, &s, &s.value())
}

/// A snake_case name that becomes a runtime variant (`first_name` → `FirstName`).
fn word(cx: &Ctxt, s: &LitStr, text: &str) -> Option<Word> {
    let ok = text.starts_with(|c: char| c.is_ascii_lowercase())
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if ok {
        Some(Word { text: text.to_string(), span: s.span() })
    } else {
        cx.error_spanned_by(s, format!("{text:?} is not a snake_case name"));
        None
    }
}

fn presence(cx: &Ctxt, s: &LitStr) -> Option<Presence> {
    Some(match s.value().as_str() {
        "required" => Presence::Required,
        "nullable" => Presence::Nullable,
        "optional" => Presence::Optional,
        "any" => Presence::Any,
        other => {
            cx.error_spanned_by(s, format!("unknown presence {other:?}: use required, nullable, optional or any"));
            return None;
        }
    })
}

/// A literal that may carry a leading minus sign.
fn example(cx: &Ctxt, expr: &Expr) -> Option<Example> {
    let (lit, negative) = match expr {
        Expr::Lit(l) => (&l.lit, false),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => match &*u.expr {
            Expr::Lit(l) => (&l.lit, true),
            other => {
                cx.error_spanned_by(other, "an example is a literal");
                return None;
            }
        },
        other => {
            cx.error_spanned_by(other, "an example is a literal");
            return None;
        }
    };
    match lit {
        Lit::Str(_) | Lit::Bool(_) if negative => cx.error_spanned_by(expr, "only numbers take a sign"),
        Lit::Str(_) | Lit::Int(_) | Lit::Float(_) | Lit::Bool(_) => return Some(Example { lit: lit.clone(), negative }),
        other => cx.error_spanned_by(other, "an example is a string, integer, number or boolean"),
    }
    None
}
