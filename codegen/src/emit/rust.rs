//! Emit Rust: declarations only. Each object type becomes a struct whose fields carry one
//! `#[fw(...)]` attribute saying what the spec says, each enumerated type an enum, each
//! event a `Data` struct with its rules as data, and `mod.rs` the `Event`, `EventKind` and
//! `Product` enums with the tables of events and products. The implementations are
//! written once, in the models crate's derives and runtime. Tokens are built with `quote`, checked by parsing them as a `syn::File`, and
//! printed with `prettyplease`, with a blank line between items so diffs read well.

use proc_macro2::{Ident, Literal as Lit, Span, TokenStream};
use quote::quote;

use super::text;
use crate::ir::{ChangeOrder, Check, CondOp, EnumRepr, Event, Field, Ir, Literal, ModuleId, Path, Rule, Ty, TypeDef, TypeKind};

/// A generated source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RustFile {
    /// Path relative to the output directory, e.g. `freshchat/on_agent_activity_create.rs`.
    pub path: String,
    /// The spec file it comes from, for the header.
    pub source: String,
    pub contents: String,
}

/// The command that refreshes the checked-in copy, named in every header.
pub const REFRESH: &str = "cargo run -q --bin fwevents -- generate";

/// All files: `mod.rs` (modules, the `Event` enums, dispatch), `envelope.rs`, `types.rs`,
/// one per event.
pub fn generate(ir: &Ir) -> Result<Vec<RustFile>, String> {
    let mut files = vec![file("mod.rs", "spec/", index(ir))?, file("envelope.rs", "spec/spec.yaml", envelope(ir))?];
    for (m, module) in ir.modules.iter().enumerate() {
        let event = ir.events.iter().find(|e| e.module == m);
        let tokens = module_items(ir, m, event);
        files.push(file(&format!("{}.rs", module.path.join("/")), &format!("spec/{}", module.source), tokens)?);
    }
    Ok(files)
}

fn file(path: &str, source: &str, tokens: TokenStream) -> Result<RustFile, String> {
    let parsed: syn::File = syn::parse2(tokens).map_err(|e| format!("generated {path} does not parse: {e}"))?;
    let body = spaced(&prettyplease::unparse(&parsed));
    let contents = format!(
        "{}// The build compiles this from the spec; refresh the checked-in copy with:\n\
         //     {REFRESH}\n\n{body}",
        super::header_comment(source)
    );
    Ok(RustFile { path: path.to_string(), source: source.to_string(), contents })
}

/// A blank line before every documented item, field and variant, so that adding one shows
/// in a diff as one block.
fn spaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut previous = "";
    // Inside an attribute prettyplease wrapped over several lines, and whether the previous
    // line ended one: what follows an attribute belongs to it.
    let (mut in_attr, mut after_attr) = (false, false);
    for line in text.lines() {
        let t = line.trim_start();
        let p = previous.trim_start();
        let p_attr = p.starts_with("#[") || after_attr;
        let top_level = line.len() == t.len() && !t.is_empty() && !t.starts_with('}') && !t.starts_with(')');
        let starts_item = !in_attr
            && (t.starts_with("///")
                || (t.starts_with("#[") && !p.starts_with("///") && !p_attr)
                || (top_level && !p.starts_with("///") && !p_attr));
        let after_item = !(p.is_empty() || p.starts_with("///") || p_attr || p.ends_with('{') || p.starts_with("//"));
        if starts_item && after_item {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
        after_attr = in_attr && (t.starts_with(")]") || t.starts_with(']'));
        in_attr = if in_attr { !after_attr } else { t.starts_with("#[") && !t.ends_with(']') };
        previous = line;
    }
    out
}

pub(crate) fn ident(s: &str) -> Ident {
    match s.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(s, Span::call_site()),
    }
}

fn doc(text: &str) -> TokenStream {
    let lines: Vec<String> = text.trim().lines().map(|l| if l.is_empty() { String::new() } else { format!(" {l}") }).collect();
    quote! { #( #[doc = #lines] )* }
}

fn index(ir: &Ir) -> TokenStream {
    let mut product_mods = Vec::new();
    for (p, product) in ir.products.iter().enumerate() {
        let events: Vec<&Event> = ir.events.iter().filter(|e| e.product == p).collect();
        if events.is_empty() {
            continue;
        }
        let pmod = ident(&product.ident);
        // Each product is a cargo feature of the models crate, named by its key: a user
        // who handles one product compiles only that one. A payload of a product left
        // out reads as `Event::Unknown`.
        let key = &product.key;
        let mods = events.iter().map(|event| {
            let module = &ir.modules[event.module];
            let emod = ident(&module.path[1]);
            let include = format!("/{}.rs", module.path.join("/"));
            let mdoc =
                doc(&format!("{} {}: {}\n\nGenerated from `spec/{}`.", product.title, event.name, event.description.trim(), event.file));
            quote! {
                #mdoc
                pub mod #emod { include!(concat!(env!("OUT_DIR"), #include)); }
            }
        });
        let pdoc = doc(&format!("{} events.", product.title));
        product_mods.push(quote! {
            #pdoc
            #[cfg(feature = #key)]
            pub mod #pmod {
                #(#mods)*
            }
        });
    }
    let mut event_variants = Vec::new();
    let mut kind_variants = Vec::new();
    for event in &ir.events {
        let product = &ir.products[event.product];
        let module = &ir.modules[event.module];
        let (pmod, emod) = (ident(&module.path[0]), ident(&module.path[1]));
        let var = event_variant(ir, event);
        let pvar = ident(&product.variant);
        let key = &product.key;
        let vdoc = doc(&format!("{} `{}`.", product.title, event.name));
        event_variants.push(quote! { #vdoc #[cfg(feature = #key)] #var(Box<#pmod::#emod::Payload>) });
        let kdoc = doc(&format!("`{}/{}`.", product.key, event.name));
        kind_variants.push(quote! { #kdoc #[fw(product = Product::#pvar)] #var });
    }
    let product_variants = ir.products.iter().map(|p| {
        let var = ident(&p.variant);
        let pdoc = doc(&format!("{} (`{}`).", p.title, p.key));
        quote! { #pdoc #var }
    });
    let products = ir.products.iter().map(|p| {
        let (key, title, domains) = (&p.key, &p.title, &p.domains);
        quote! { rt::ProductInfo { key: #key, title: #title, domains: &[#(#domains),*] } }
    });
    let events = ir.events.iter().map(|e| {
        let (product, name) = (&ir.products[e.product].key, &e.name);
        quote! { rt::EventInfo { product: #product, name: #name } }
    });
    quote! {
        include!(concat!(env!("OUT_DIR"), "/envelope.rs"));

        /// Named types shared by several events.
        pub mod types { include!(concat!(env!("OUT_DIR"), "/types.rs")); }

        #(#product_mods)*

        /// Any event: one of the spec's, each its own variant, or one it does not cover.
        #[derive(Debug, Clone, PartialEq, rt::Events)]
        #[fw(kind = EventKind, envelope = Envelope)]
        #[non_exhaustive]
        pub enum Event {
            #(#event_variants,)*
            /// An event or product the spec does not cover, or of a product this build
            /// leaves out, kept whole.
            Unknown(Box<rt::UnknownEvent>),
        }

        /// Which event of the spec an event is, whichever products this build reads.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, rt::Listed)]
        #[non_exhaustive]
        pub enum EventKind { #(#kind_variants,)* }

        /// A product of the spec.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, rt::Listed)]
        #[non_exhaustive]
        pub enum Product { #(#product_variants,)* }

        /// The products of the spec, in the order of [`Product`].
        pub static PRODUCTS: &[rt::ProductInfo] = &[#(#products),*];

        /// The events of the spec, in spec order, the order of [`EventKind`].
        pub static EVENTS: &[rt::EventInfo] = &[#(#events),*];
    }
}

/// The envelope, declared once, generic over each event's data.
fn envelope(ir: &Ir) -> TokenStream {
    let Some(event) = ir.events.first() else {
        return quote!();
    };
    let fields = ir.fields(event.payload);
    let decls = fields.iter().map(|f| {
        if f.wire == "data" {
            let fdoc = doc(&field_doc(ir, f));
            let attr = field_attr(ir, "Envelope", f);
            return quote! { #fdoc #attr pub data: rt::Field<D>, };
        }
        field_decl(ir, 0, "Envelope", f)
    });
    let tdoc = doc(&format!(
        "A whole payload: the envelope the platform wraps around every event, and the event's `data`.\n\n\
         Each event's `Payload` is this with its own `Data`.\n\nSpec: `{}`.",
        ir.ty(event.payload).spec_path
    ));
    quote! {
        #tdoc
        #[derive(Debug, Clone, PartialEq, Default, rt::Object)]
        #[fw(payload)]
        pub struct Envelope<D> {
            #(#decls)*
            /// Attributes the spec does not list, kept as sent.
            pub unknown_fields: rt::UnknownFields,
        }
    }
}

fn module_items(ir: &Ir, m: ModuleId, event: Option<&Event>) -> TokenStream {
    let items = ir.modules[m].types.iter().filter(|&&id| event.is_none_or(|e| e.payload != id)).map(|&id| {
        let t = ir.ty(id);
        // An event's data names its event and rules.
        let of_event = event.filter(|e| e.data == id).map(|e| event_attr(ir, e));
        match &t.kind {
            TypeKind::Object(fields) => object(ir, m, t, fields, of_event),
            TypeKind::Enum(e) => enumeration(t, e),
        }
    });
    let event_items = event.map(|e| event_items(ir, e));
    if ir.modules[m].types.is_empty() && event.is_none() {
        // No shared types: an empty module, without an import nothing would use.
        return quote!();
    }
    quote! {
        use crate::rt;
        #(#items)*
        #event_items
    }
}

pub(crate) fn rust_type(ir: &Ir, here: ModuleId, ty: &Ty) -> TokenStream {
    match ty {
        Ty::String => quote!(rt::Text),
        Ty::Integer => quote!(i64),
        Ty::Number => quote!(rt::Num),
        Ty::Boolean => quote!(bool),
        Ty::Timestamp => quote!(rt::Timestamp),
        Ty::Id => quote!(rt::Id),
        Ty::Any | Ty::Unresolved => quote!(rt::Raw),
        Ty::Change(ChangeOrder::OldNew) => quote!(rt::OldNew),
        Ty::Change(ChangeOrder::NewOld) => quote!(rt::NewOld),
        Ty::Array(item) => {
            let item = rust_type(ir, here, item);
            quote!(Vec<rt::Field<#item>>)
        }
        Ty::Map(value) => {
            let value = rust_type(ir, here, value);
            quote!(rt::Map<#value>)
        }
        Ty::Named(id) => {
            let t = ir.ty(*id);
            let name = ident(&t.name);
            if t.module == here {
                quote!(#name)
            } else {
                let path = ir.modules[t.module].path.iter().map(|p| ident(p));
                quote!(crate::#(#path::)*#name)
            }
        }
    }
}

/// The rustdoc of a field: the description, then the facts a reader of the Rust needs that
/// the attribute does not say in words.
fn field_doc(ir: &Ir, f: &Field) -> String {
    let mut s = String::new();
    if !f.description.trim().is_empty() {
        s.push_str(f.description.trim());
        s.push_str("\n\n");
    }
    s.push_str(&format!("Strict: {}. Lenient: {}.", text::presence(f.strict), text::presence(f.lenient)));
    if let Some((values, _)) = text::enum_values(ir, &f.ty) {
        let others = text::enum_others(ir, &f.ty).map(|o| format!(", {o}")).unwrap_or_default();
        s.push_str(&format!(" Values: {}{others}.", values.join(", ")));
    }
    if f.utc {
        s.push_str(" Strict: in UTC.");
    }
    s.push('\n');
    for w in text::null_when(f) {
        s.push_str(&format!("Strict: {w}.\n"));
    }
    for n in &f.notes {
        s.push_str(&format!("Note: {}\n", n.trim()));
    }
    for d in text::doc_facts(f) {
        s.push_str(&format!("Docs: {d}.\n"));
    }
    if let Some(q) = &f.quirk {
        s.push_str(&format!("Docs quirk: {}\n", q.trim()));
    }
    s
}

fn presence_word(p: crate::ir::Presence) -> &'static str {
    match (p.nullable, p.optional) {
        (false, false) => "required",
        (true, false) => "nullable",
        (false, true) => "optional",
        (true, true) => "any",
    }
}

fn literal(l: &Literal) -> TokenStream {
    match l {
        Literal::Str(s) => quote!(#s),
        Literal::Int(i) => {
            let lit = Lit::i64_unsuffixed(*i);
            quote!(#lit)
        }
        Literal::Float(f) => {
            let lit = Lit::f64_unsuffixed(*f);
            quote!(#lit)
        }
        Literal::Bool(b) => quote!(#b),
    }
}

/// The `#[fw(...)]` attribute: what the spec says of the field, in the derive's words.
fn field_attr(ir: &Ir, owner: &str, f: &Field) -> TokenStream {
    let mut parts = Vec::new();
    if f.ident.trim_start_matches("r#") != f.wire {
        let wire = &f.wire;
        parts.push(quote!(wire = #wire));
    }
    let (strict, lenient) = (presence_word(f.strict), presence_word(f.lenient));
    parts.push(quote!(strict = #strict, lenient = #lenient));
    let leaf = match &f.ty {
        Ty::Array(item) => item.as_ref(),
        other => other,
    };
    if *leaf == Ty::Timestamp && !f.formats.is_empty() {
        let forms = f.formats.iter().map(|f| f.name()).collect::<Vec<_>>().join(" ");
        parts.push(quote!(forms = #forms));
    }
    if let Some(form) = f.id_form {
        let form = form.name();
        parts.push(quote!(id = #form));
    }
    if f.utc {
        parts.push(quote!(utc));
    }
    if let Some(example) = &f.example {
        let l = literal(example);
        parts.push(quote!(example = #l));
    }
    if matches!(leaf, Ty::String | Ty::Integer | Ty::Boolean | Ty::Id) {
        let fake = super::fake::kind(owner, &f.wire);
        if fake != "word" {
            parts.push(quote!(fake = #fake));
        }
    }
    // An object attribute gets an editor; its name is decided in `names`, not by the derive.
    if let Ty::Named(id) = &f.ty {
        if matches!(ir.ty(*id).kind, TypeKind::Object(_)) {
            let editor = ident(&crate::names::editor_ident(&f.ident));
            parts.push(quote!(editor = #editor));
        }
    }
    quote!(#[fw(#(#parts),*)])
}

fn field_decl(ir: &Ir, m: ModuleId, owner: &str, f: &Field) -> TokenStream {
    let fdoc = doc(&field_doc(ir, f));
    let attr = field_attr(ir, owner, f);
    let fid = ident(&f.ident);
    let ty = rust_type(ir, m, &f.ty);
    quote! { #fdoc #attr pub #fid: rt::Field<#ty>, }
}

fn object(ir: &Ir, m: ModuleId, t: &TypeDef, fields: &[Field], attr: Option<TokenStream>) -> TokenStream {
    let name = ident(&t.name);
    let tdoc = doc(&format!("{}\n\nSpec: `{}`.", t.description.trim(), t.spec_path));
    let decls = fields.iter().map(|f| field_decl(ir, m, &t.name, f));
    quote! {
        #tdoc
        #[derive(Debug, Clone, PartialEq, Default, rt::Object)]
        #attr
        pub struct #name {
            #(#decls)*
            /// Attributes the spec does not list, kept as sent.
            pub unknown_fields: rt::UnknownFields,
        }
    }
}

fn enumeration(t: &TypeDef, e: &crate::ir::Enum) -> TokenStream {
    let name = ident(&t.name);
    let wires: Vec<String> = e.variants.iter().map(|v| text::literal(&v.wire)).collect();
    let mut tdoc_text = format!("{}\n\nValues: {}", t.description.trim(), wires.join(", "));
    tdoc_text.push_str(if e.documented {
        ", and any other value, kept in `Other`: the page says others occur, so strict accepts them."
    } else if e.open {
        ", and any other value, kept in `Other`: the vendor may add values; strict reports them."
    } else {
        "; no others."
    });
    tdoc_text.push_str(&format!("\n\nSpec: `{}`.", t.spec_path));
    let tdoc = doc(&tdoc_text);
    let variants = e.variants.iter().map(|v| {
        let vid = ident(&v.ident);
        let shown = text::literal(&v.wire);
        let vdoc =
            doc(&if v.description.trim().is_empty() { format!("`{shown}`") } else { format!("`{shown}`: {}", v.description.trim()) });
        let wire = literal(&v.wire);
        quote! { #vdoc #[fw(#wire)] #vid, }
    });
    let (open_attr, other) = if e.open {
        let other_ty = match e.repr {
            EnumRepr::Str => quote!(rt::Text),
            EnumRepr::Int => quote!(i64),
        };
        (
            if e.documented { quote!(#[fw(open, documented)] #[non_exhaustive]) } else { quote!(#[fw(open)] #[non_exhaustive]) },
            quote! {
                /// A value the spec does not list, kept as sent.
                Other(#other_ty),
            },
        )
    } else {
        (quote!(), quote!())
    };
    quote! {
        #tdoc
        #[derive(Debug, Clone, PartialEq, Eq, Hash, rt::Enum)]
        #open_attr
        pub enum #name {
            #(#variants)*
            #other
        }
    }
}

fn lits(ls: &[Literal]) -> TokenStream {
    let items = ls.iter().map(|l| match l {
        Literal::Str(s) => quote!(rt::Lit::Str(#s)),
        Literal::Int(i) => {
            let lit = Lit::i64_unsuffixed(*i);
            quote!(rt::Lit::Int(#lit))
        }
        Literal::Float(f) => {
            let lit = Lit::f64_unsuffixed(*f);
            quote!(rt::Lit::Float(#lit))
        }
        Literal::Bool(b) => quote!(rt::Lit::Bool(#b)),
    });
    quote!(&[#(#items),*])
}

/// A rule's path as its steps, split here so that checking a payload never scans text:
/// `actor.social_profiles[].type` is `["actor", "social_profiles[]", "type"]`.
fn rule_path(p: &Path) -> TokenStream {
    let steps = p.steps.iter().map(|s| if s.each { format!("{}[]", s.wire) } else { s.wire.clone() });
    quote!(rt::Path(&[#(#steps),*]))
}

fn rule(r: &Rule) -> TokenStream {
    let (id, description, strict_only) = (&r.id, r.description.trim(), r.strict_only);
    let when = match &r.when {
        Some(c) => {
            let path = rule_path(&c.path);
            let test = match &c.op {
                CondOp::Equals(l) => {
                    let l = lits(std::slice::from_ref(l));
                    quote!(rt::Test::In(#l))
                }
                CondOp::In(ls) => {
                    let l = lits(ls);
                    quote!(rt::Test::In(#l))
                }
                CondOp::NotIn(ls) => {
                    let l = lits(ls);
                    quote!(rt::Test::NotIn(#l))
                }
            };
            quote!(Some(rt::When { path: #path, test: #test }))
        }
        None => quote!(None),
    };
    let check = match &r.check {
        Check::Null(paths) => {
            let p = paths.iter().map(rule_path);
            quote!(rt::Check::Null(&[#(#p),*]))
        }
        Check::Equals(p, l) => {
            let (p, l) = (rule_path(p), lits(std::slice::from_ref(l)));
            quote!(rt::Check::OneOf(#p, #l))
        }
        Check::OneOf(p, ls) => {
            let (p, l) = (rule_path(p), lits(ls));
            quote!(rt::Check::OneOf(#p, #l))
        }
        Check::Same(a, b) => {
            let (a, b) = (rule_path(a), rule_path(b));
            quote!(rt::Check::Same(#a, #b))
        }
        Check::NotAfter(a, b) => {
            let (a, b) = (rule_path(a), rule_path(b));
            quote!(rt::Check::NotAfter(#a, #b))
        }
        Check::KeysOf { map, names } => {
            let p = rule_path(map);
            quote!(rt::Check::KeysOf(#p, &[#(#names),*]))
        }
    };
    quote! {
        rt::Rule { id: #id, description: #description, strict_only: #strict_only, when: #when, check: #check }
    }
}

/// The event's variant in `Event` and `EventKind`: its product's and its own name, so that
/// two products' events of one name differ (the resolver refuses a clash).
fn event_variant(ir: &Ir, event: &Event) -> Ident {
    ident(&format!("{}{}", ir.products[event.product].variant, event.variant))
}

/// What makes `Data` an event's data: `#[fw(event(...))]`, naming its product, event,
/// fixture domain, rules and kind.
fn event_attr(ir: &Ir, event: &Event) -> TokenStream {
    let product = &ir.products[event.product];
    let (pkey, ename) = (&product.key, &event.name);
    let domain = product.domains.first().cloned().unwrap_or_else(|| "example.com".to_string());
    let kind = event_variant(ir, event);
    quote!(#[fw(event(product = #pkey, name = #ename, domain = #domain, rules = RULES, kind = crate::EventKind::#kind))])
}

/// The event's payload type and its rules, as data.
fn event_items(ir: &Ir, event: &Event) -> TokenStream {
    let product = &ir.products[event.product];
    let rules = event.rules.iter().map(rule);
    let pdoc = doc(&format!("A whole {} {} payload: the envelope and its `data`.", product.title, event.name));
    quote! {
        #pdoc
        pub type Payload = crate::Envelope<Data>;

        /// The event's documented rules, in spec order: validation, fixtures and builders
        /// read them.
        pub const RULES: &[rt::Rule] = &[#(#rules),*];
    }
}

#[cfg(test)]
mod tests {
    use super::{rust_type, spaced};
    use crate::ir::{ChangeOrder, Ir, Ty};

    /// The Rust column of `spec/README.md`'s table of types, for the row of `spec_type`.
    fn documented_rust(readme: &str, spec_type: &str) -> String {
        let row = readme
            .lines()
            .find(|l| l.starts_with('|') && l.split('|').nth(1).is_some_and(|c| c.contains(&format!("`{spec_type}`"))))
            .unwrap_or_else(|| panic!("spec/README.md has no row for `{spec_type}`"));
        row.split('|').nth(3).unwrap_or_default().trim().to_owned()
    }

    #[test]
    fn the_spec_format_names_the_rust_types_emitted() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/README.md")).unwrap();
        let ir = Ir { products: Vec::new(), modules: Vec::new(), types: Vec::new(), events: Vec::new() };
        let rust = |ty: Ty| format!("`{}`", rust_type(&ir, 0, &ty)).replace(' ', "");
        let scalars = documented_rust(&readme, "string");
        for ty in [Ty::String, Ty::Integer, Ty::Number, Ty::Boolean] {
            assert!(scalars.starts_with(&rust(ty.clone())) || scalars.contains(&format!(" {}", rust(ty.clone()))), "{ty:?}: {scalars}");
        }
        for (spec_type, ty) in [
            ("timestamp", Ty::Timestamp),
            ("id", Ty::Id),
            ("any", Ty::Any),
            ("array", Ty::Array(Box::new(Ty::Integer))),
            ("map", Ty::Map(Box::new(Ty::Integer))),
            ("change", Ty::Change(ChangeOrder::OldNew)),
        ] {
            let documented = documented_rust(&readme, spec_type);
            // An item type stands for the `T` the table writes.
            let emitted = rust(ty).replace("<i64>", "<T>");
            assert!(documented.starts_with(&emitted), "`{spec_type}`: spec/README.md says {documented}, the emitter writes {emitted}");
        }
    }

    #[test]
    fn items_and_fields_are_set_apart_by_a_blank_line() {
        let text = "pub struct A {\n    /// a\n    pub a: u8,\n    /// b\n    pub b: u8,\n}\n/// C\npub struct C;\n";
        assert_eq!(spaced(text), "pub struct A {\n    /// a\n    pub a: u8,\n\n    /// b\n    pub b: u8,\n}\n\n/// C\npub struct C;\n");
    }

    #[test]
    fn an_attribute_over_several_lines_stays_with_its_item() {
        let text = "/// D\n#[derive(X)]\n#[fw(\n    event(\n        name = \"a\",\n    ),\n)]\npub struct D {\n    pub d: u8,\n}\n";
        assert_eq!(spaced(text), text);
    }
}
