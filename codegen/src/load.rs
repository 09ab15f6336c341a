//! Load: YAML nodes into the [`model`](crate::model), reporting every malformed entry
//! (unknown keys, wrong kinds of value, missing keys) rather than stopping at the first.

use crate::diag::{closest, Diagnostic, Diagnostics};
use crate::model::*;
use crate::yaml::{self, Node, Value};

/// One file of a spec directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the spec directory, with `/` separators.
    pub path: String,
    pub text: String,
}

/// Parses and loads every file; files that fail to parse contribute only diagnostics.
pub fn load(files: &[SourceFile], diags: &mut Diagnostics) -> Spec {
    let mut spec = Spec::default();
    for file in files {
        let mut loader = Loader { file: &file.path, diags };
        if let Err(why) = crate::names::check_spec_path(&file.path) {
            // The path would reach generated headers and messages; the file is not read.
            loader.diags.push(Diagnostic::new(&file.path, None, "", format!("cannot be a spec file: {why}")));
            continue;
        }
        match yaml::parse(&file.text) {
            Ok(root) => {
                loader.text(&root, "");
                loader.document(&root, &mut spec);
            }
            Err(errors) => {
                for e in errors {
                    loader.diags.push(Diagnostic::new(&file.path, e.pos, "", e.message));
                }
            }
        }
    }
    spec
}

/// Loads one file into the model: the file, which every diagnostic names, and where the
/// diagnostics go.
struct Loader<'a> {
    file: &'a str,
    diags: &'a mut Diagnostics,
}

/// Reads a mapping key by key and reports the keys nobody asked for.
struct Entries<'n> {
    entries: &'n [(String, Node)],
    used: Vec<bool>,
    path: String,
}

impl<'n> Entries<'n> {
    fn get(&mut self, key: &str) -> Option<&'n Node> {
        let i = self.entries.iter().position(|(k, _)| k == key)?;
        self.used[i] = true;
        Some(&self.entries[i].1)
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Loader<'_> {
    /// Refuses characters that rustc, a comment or a terminal would trip over, wherever
    /// they are: every key and every string of the file. Keys are names and take no
    /// newline or tab either. Runs once over the whole document before it is read.
    fn text(&mut self, node: &Node, path: &str) {
        match &node.value {
            Value::Str(s) => {
                if let Some((c, what)) = crate::safe::first_forbidden(s) {
                    let cp = crate::safe::code_point(c);
                    self.error(node, path, format!("the text holds {what} ({cp}), which generated code cannot carry; remove it"));
                }
            }
            Value::Seq(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.text(item, &format!("{path}[{i}]"));
                }
            }
            Value::Map(entries) => {
                for (key, value) in entries {
                    let key_path = join(path, key);
                    if let Some(c) = key.chars().find(|&c| c.is_control() || crate::safe::is_forbidden(c)) {
                        let cp = crate::safe::code_point(c);
                        self.error(value, &key_path, format!("the key holds a control or bidirectional character ({cp}); names cannot"));
                    }
                    self.text(value, &key_path);
                }
            }
            Value::Null | Value::Bool(_) | Value::Int(_) | Value::Float(_) => {}
        }
    }

    fn loc(&self, node: &Node) -> Loc {
        Loc { file: self.file.to_string(), pos: node.pos }
    }

    fn error(&mut self, node: &Node, path: &str, message: impl Into<String>) {
        self.diags.push(Diagnostic::new(self.file, node.pos, path, message));
    }

    fn entries<'n>(&mut self, node: &'n Node, path: &str) -> Option<Entries<'n>> {
        match node.as_map() {
            Some(entries) => Some(Entries { entries, used: vec![false; entries.len()], path: path.to_string() }),
            None => {
                self.error(node, path, format!("expected a mapping, found {}", node.kind()));
                None
            }
        }
    }

    fn finish(&mut self, e: Entries<'_>, allowed: &[&str]) {
        for (i, (key, node)) in e.entries.iter().enumerate() {
            if !e.used[i] {
                let hint = closest(key, allowed).map(|s| format!(" (did you mean \"{s}\"?)")).unwrap_or_default();
                self.error(node, &join(&e.path, key), format!("unknown key \"{key}\"{hint}"));
            }
        }
    }

    fn string(&mut self, node: &Node, path: &str) -> Option<String> {
        match &node.value {
            Value::Str(s) => Some(s.clone()),
            _ => {
                self.error(node, path, format!("expected a string, found {}", node.kind()));
                None
            }
        }
    }

    fn opt_string(&mut self, e: &mut Entries<'_>, key: &str) -> Option<String> {
        let node = e.get(key)?;
        self.string(node, &join(&e.path, key))
    }

    fn req_string(&mut self, e: &mut Entries<'_>, key: &str, at: &Node) -> Option<String> {
        if e.entries.iter().any(|(k, _)| k == key) {
            self.opt_string(e, key)
        } else {
            let path = e.path.clone();
            self.error(at, &path, format!("missing key \"{key}\""));
            None
        }
    }

    fn opt_bool(&mut self, e: &mut Entries<'_>, key: &str) -> Option<bool> {
        let node = e.get(key)?;
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                let path = join(&e.path, key);
                self.error(node, &path, format!("expected true or false, found {}", node.kind()));
                None
            }
        }
    }

    fn string_list(&mut self, node: &Node, path: &str) -> Vec<(String, Loc)> {
        match node.as_seq() {
            Some(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, n)| {
                    let s = self.string(n, &format!("{path}[{i}]"))?;
                    Some((s, self.loc(n)))
                })
                .collect(),
            None => {
                self.error(node, path, format!("expected a list of strings, found {}", node.kind()));
                Vec::new()
            }
        }
    }

    fn literal(&mut self, node: &Node, path: &str) -> Option<Literal> {
        match &node.value {
            Value::Str(s) => Some(Literal::Str(s.clone())),
            Value::Int(i) => Some(Literal::Int(*i)),
            Value::Bool(b) => Some(Literal::Bool(*b)),
            Value::Float(f) if f.is_finite() => Some(Literal::Float(*f)),
            Value::Float(f) => {
                // No JSON payload holds one, and Rust has no literal for it.
                self.error(node, path, format!("{f} is not a number a JSON payload can hold; write a finite number"));
                None
            }
            _ => {
                self.error(node, path, format!("expected a scalar value, found {}", node.kind()));
                None
            }
        }
    }

    fn literal_list(&mut self, node: &Node, path: &str) -> Vec<Literal> {
        match node.as_seq() {
            Some(items) => items.iter().enumerate().filter_map(|(i, n)| self.literal(n, &format!("{path}[{i}]"))).collect(),
            None => {
                self.error(node, path, format!("expected a list of values, found {}", node.kind()));
                Vec::new()
            }
        }
    }

    fn document(&mut self, root: &Node, spec: &mut Spec) {
        if matches!(root.value, Value::Null) {
            self.error(root, "", "the file is empty");
            return;
        }
        let Some(mut e) = self.entries(root, "") else { return };
        if let Some(node) = e.get("defaults") {
            if spec.defaults.is_some() {
                self.error(node, "defaults", "defaults are already given in another file");
            }
            spec.defaults = self.defaults(node);
        }
        if let Some(node) = e.get("products") {
            self.products(node, &mut spec.products);
        }
        if let Some(node) = e.get("envelope") {
            if !spec.envelope.is_empty() {
                self.error(node, "envelope", "the envelope is already given in another file");
            }
            spec.envelope = self.attrs(node, "envelope");
        }
        let event_name = e.get("event");
        let types = e.get("types").map(|node| self.type_defs(node, "types")).unwrap_or_default();
        match event_name {
            Some(name_node) => {
                let event = self.event(name_node, &mut e, types, root);
                spec.events.extend(event);
            }
            None => {
                spec.types.extend(types);
                for key in ["product", "source", "description", "data", "rules", "quirks"] {
                    if let Some(node) = e.get(key) {
                        self.error(node, key, "only an event file (one with `event:`) may say this");
                    }
                }
            }
        }
        self.finish(
            e,
            &["defaults", "products", "envelope", "types", "event", "product", "source", "description", "data", "rules", "quirks"],
        );
    }

    fn defaults(&mut self, node: &Node) -> Option<Defaults> {
        let mut e = self.entries(node, "defaults")?;
        let mut read = |loader: &mut Self, key: &str| -> Option<Presence> {
            let Some(n) = e.get(key) else {
                loader.error(node, "defaults", format!("missing key \"{key}\""));
                return None;
            };
            let p = loader.presence(n, &format!("defaults.{key}"));
            match (p.nullable, p.optional) {
                (Some(nullable), Some(optional)) => Some(Presence { nullable, optional }),
                _ => {
                    loader.error(n, &format!("defaults.{key}"), "give both nullable and optional");
                    None
                }
            }
        };
        let strict = read(self, "strict");
        let lenient = read(self, "lenient");
        let lenient_top = match e.get("lenient_top") {
            Some(n) => {
                let p = self.presence(n, "defaults.lenient_top");
                match (p.nullable, p.optional) {
                    (Some(nullable), Some(optional)) => Some(Presence { nullable, optional }),
                    _ => {
                        self.error(n, "defaults.lenient_top", "give both nullable and optional");
                        None
                    }
                }
            }
            None => None,
        };
        self.finish(e, &["strict", "lenient", "lenient_top"]);
        Some(Defaults { strict: strict?, lenient: lenient?, lenient_top })
    }

    fn presence(&mut self, node: &Node, path: &str) -> PresencePatch {
        let Some(mut e) = self.entries(node, path) else { return PresencePatch::default() };
        let p = PresencePatch { nullable: self.opt_bool(&mut e, "nullable"), optional: self.opt_bool(&mut e, "optional") };
        self.finish(e, &["nullable", "optional"]);
        p
    }

    fn products(&mut self, node: &Node, out: &mut Vec<Product>) {
        let Some(entries) = node.as_map() else {
            self.error(node, "products", format!("expected a mapping, found {}", node.kind()));
            return;
        };
        for (key, n) in entries {
            let path = format!("products.{key}");
            let Some(mut e) = self.entries(n, &path) else { continue };
            let title = self.req_string(&mut e, "title", n).unwrap_or_else(|| key.clone());
            let domains = match e.get("domains") {
                Some(d) => self.string_list(d, &format!("{path}.domains")),
                None => Vec::new(),
            };
            self.finish(e, &["title", "domains"]);
            out.push(Product { key: key.clone(), title, domains: domains.into_iter().map(|(d, _)| d).collect(), loc: self.loc(n) });
        }
    }

    fn event(&mut self, name_node: &Node, e: &mut Entries<'_>, types: Vec<TypeDef>, root: &Node) -> Option<Event> {
        let name = self.string(name_node, "event");
        let product = self.req_string(e, "product", root);
        let source = self.opt_string(e, "source").unwrap_or_default();
        let description = self.req_string(e, "description", root).unwrap_or_default();
        let data = match e.get("data") {
            Some(node) => self.attrs(node, "data"),
            None => {
                self.error(root, "", "missing key \"data\"");
                Vec::new()
            }
        };
        let rules = match e.get("rules") {
            Some(node) => self.rules(node),
            None => Vec::new(),
        };
        let quirks = match e.get("quirks") {
            Some(node) => self.quirks(node),
            None => Vec::new(),
        };
        Some(Event { name: name?, product: product?, source, description, data, types, rules, quirks, loc: self.loc(name_node) })
    }

    fn type_defs(&mut self, node: &Node, path: &str) -> Vec<TypeDef> {
        let Some(entries) = node.as_map() else {
            self.error(node, path, format!("expected a mapping, found {}", node.kind()));
            return Vec::new();
        };
        entries
            .iter()
            .filter_map(|(name, n)| {
                let ty = self.type_expr(n, &format!("{path}.{name}"), &[])?;
                Some(TypeDef { name: name.clone(), ty, loc: self.loc(n) })
            })
            .collect()
    }

    fn attrs(&mut self, node: &Node, path: &str) -> Vec<Attr> {
        if matches!(node.value, Value::Null) {
            return Vec::new();
        }
        let Some(entries) = node.as_map() else {
            self.error(node, path, format!("expected a mapping of attributes, found {}", node.kind()));
            return Vec::new();
        };
        entries.iter().filter_map(|(name, n)| self.attr(name, n, &join(path, name))).collect()
    }

    fn attr(&mut self, name: &str, node: &Node, path: &str) -> Option<Attr> {
        const ATTR_KEYS: &[&str] = &["nullable", "optional", "lenient", "doc", "notes", "quirk", "example"];
        let ty = self.type_expr(node, path, ATTR_KEYS)?;
        // type_expr has already reported unknown keys; read the attribute's own keys here.
        let e = node.as_map()?;
        let find = |k: &str| e.iter().find(|(key, _)| key == k).map(|(_, n)| n);
        let mut strict = PresencePatch::default();
        for (key, slot) in [("nullable", &mut strict.nullable), ("optional", &mut strict.optional)] {
            if let Some(n) = find(key) {
                match n.value {
                    Value::Bool(b) => *slot = Some(b),
                    _ => self.error(n, &join(path, key), format!("expected true or false, found {}", n.kind())),
                }
            }
        }
        let lenient = find("lenient").map(|n| self.presence(n, &join(path, "lenient"))).unwrap_or_default();
        let doc = find("doc").map(|n| self.doc_facts(n, &join(path, "doc"))).unwrap_or_default();
        let notes = match find("notes") {
            Some(n) => self.string_list(n, &join(path, "notes")).into_iter().map(|(s, _)| s).collect(),
            None => Vec::new(),
        };
        let quirk = find("quirk").and_then(|n| self.string(n, &join(path, "quirk")));
        let example = find("example").and_then(|n| self.literal(n, &join(path, "example")));
        Some(Attr { name: name.to_string(), ty, strict, lenient, doc, notes, quirk, example, loc: self.loc(node) })
    }

    fn doc_facts(&mut self, node: &Node, path: &str) -> DocFacts {
        let Some(mut e) = self.entries(node, path) else { return DocFacts::default() };
        let name = self.opt_string(&mut e, "name");
        let ty = self.opt_string(&mut e, "type");
        let values = e.get("values").map(|n| self.literal_list(n, &join(path, "values")));
        let listed = e.get("listed").and_then(|n| match n.value {
            Value::Int(i) if i >= 1 => u32::try_from(i).ok(),
            _ => {
                self.error(n, &join(path, "listed"), "expected a positive integer");
                None
            }
        });
        let absent = self.opt_bool(&mut e, "absent").unwrap_or(false);
        let only = match e.get("only") {
            Some(n) => self.string_list(n, &join(path, "only")).into_iter().map(|(s, _)| s).collect(),
            None => Vec::new(),
        };
        self.finish(e, &["name", "type", "values", "listed", "absent", "only"]);
        DocFacts { name, ty, values, listed, absent, only }
    }

    /// Reads a type expression. `extra` lists keys that the caller reads itself.
    fn type_expr(&mut self, node: &Node, path: &str, extra: &[&str]) -> Option<TypeExpr> {
        let mut e = self.entries(node, path)?;
        let name = self.req_string(&mut e, "type", node);
        let description = self.opt_string(&mut e, "description").unwrap_or_default();
        let fields = e.get("fields").map(|n| self.attrs(n, path)).unwrap_or_default();
        let items = e.get("items").and_then(|n| self.type_expr(n, &format!("{path}[]"), &[])).map(Box::new);
        let values = e.get("values").and_then(|n| self.type_expr(n, &format!("{path}{{}}"), &[])).map(Box::new);
        let enum_values = e.get("enum").map(|n| self.enum_values(n, &join(path, "enum")));
        let (open, documented_others) = match e.get("open") {
            None => (None, false),
            Some(n) => match &n.value {
                Value::Bool(b) => (Some(*b), false),
                Value::Str(s) if s == "documented" => (Some(true), true),
                _ => {
                    self.error(n, &join(path, "open"), format!("expected true, false or documented, found {}", n.kind()));
                    (None, false)
                }
            },
        };
        let utc = self.opt_bool(&mut e, "utc");
        let rust_name = self.opt_string(&mut e, "rust_name");
        let formats = e.get("formats").map(|n| self.string_list(n, &join(path, "formats")));
        let order = self.opt_string(&mut e, "order");
        for key in extra {
            e.get(key);
        }
        let mut allowed = vec!["type", "description", "fields", "items", "values", "enum", "open", "rust_name", "formats", "order", "utc"];
        allowed.extend_from_slice(extra);
        self.finish(e, &allowed);
        Some(TypeExpr {
            name: name?,
            description,
            fields,
            items,
            values,
            enum_values,
            open,
            documented_others,
            rust_name,
            formats,
            order,
            utc,
            loc: self.loc(node),
        })
    }

    fn enum_values(&mut self, node: &Node, path: &str) -> Vec<EnumValue> {
        let Some(items) = node.as_seq() else {
            self.error(node, path, format!("expected a list of values, found {}", node.kind()));
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let item_path = format!("{path}[{i}]");
            if item.as_map().is_none() {
                // The short form: a bare value.
                if let Some(value) = self.literal(item, &item_path) {
                    out.push(EnumValue { value, name: None, description: String::new(), loc: self.loc(item) });
                }
                continue;
            }
            let Some(mut e) = self.entries(item, &item_path) else { continue };
            let value = match e.get("value") {
                Some(n) => self.literal(n, &join(&item_path, "value")),
                None => {
                    self.error(item, &item_path, "missing key \"value\"");
                    None
                }
            };
            let name = self.opt_string(&mut e, "name");
            let description = self.opt_string(&mut e, "description").unwrap_or_default();
            self.finish(e, &["value", "name", "description"]);
            if let Some(value) = value {
                out.push(EnumValue { value, name, description, loc: self.loc(item) });
            }
        }
        out
    }

    fn rules(&mut self, node: &Node) -> Vec<Rule> {
        let Some(items) = node.as_seq() else {
            self.error(node, "rules", format!("expected a list of rules, found {}", node.kind()));
            return Vec::new();
        };
        items.iter().enumerate().filter_map(|(i, n)| self.rule(n, i)).collect()
    }

    fn rule(&mut self, node: &Node, index: usize) -> Option<Rule> {
        let mut e = self.entries(node, &format!("rules[{index}]"))?;
        let id = self.req_string(&mut e, "id", node).unwrap_or_else(|| format!("rules[{index}]"));
        let path = format!("rules.{id}");
        e.path = path.clone();
        let description = self.opt_string(&mut e, "description").unwrap_or_default();
        let strict_only = self.opt_bool(&mut e, "strict_only").unwrap_or(false);
        let when = e.get("when").and_then(|n| self.condition(n, &join(&path, "when")));
        let target = e.get("path").and_then(|n| self.string(n, &join(&path, "path")));
        let mut checks = Vec::new();
        if let Some(n) = e.get("null") {
            let list = self.string_list(n, &join(&path, "null"));
            checks.push(Check::Null(list.into_iter().map(|(s, _)| s).collect()));
        }
        if let Some(n) = e.get("equals") {
            if let Some(v) = self.literal(n, &join(&path, "equals")) {
                checks.push(Check::Equals(target.clone().unwrap_or_default(), v));
            }
        }
        if let Some(n) = e.get("one_of") {
            let v = self.literal_list(n, &join(&path, "one_of"));
            checks.push(Check::OneOf(target.clone().unwrap_or_default(), v));
        }
        for (key, make) in
            [("same", Check::Same as fn(String, String) -> Check), ("not_after", Check::NotAfter as fn(String, String) -> Check)]
        {
            if let Some(n) = e.get(key) {
                let list = self.string_list(n, &join(&path, key));
                if list.len() == 2 {
                    checks.push(make(list[0].0.clone(), list[1].0.clone()));
                } else {
                    self.error(n, &join(&path, key), "expected exactly two attribute paths");
                }
            }
        }
        if let Some(n) = e.get("keys_of") {
            let kpath = join(&path, "keys_of");
            if let Some(mut k) = self.entries(n, &kpath) {
                let map = self.req_string(&mut k, "map", n);
                let object = self.req_string(&mut k, "object", n);
                self.finish(k, &["map", "object"]);
                if let (Some(map), Some(object)) = (map, object) {
                    checks.push(Check::KeysOf { map, object });
                }
            }
        }
        let needs_path = checks.iter().any(|c| matches!(c, Check::Equals(..) | Check::OneOf(..)));
        if needs_path && target.is_none() {
            self.error(node, &path, "`equals` and `one_of` need the `path` they constrain");
        }
        if !needs_path && target.is_some() {
            self.error(node, &path, "`path` is only used with `equals` or `one_of`");
        }
        self.finish(e, &["id", "description", "strict_only", "when", "path", "null", "equals", "one_of", "same", "not_after", "keys_of"]);
        if checks.len() != 1 {
            self.error(
                node,
                &path,
                format!("a rule states exactly one of null, equals, one_of, same, not_after, keys_of (found {})", checks.len()),
            );
            return None;
        }
        Some(Rule { id, description, when, check: checks.pop()?, strict_only, loc: self.loc(node) })
    }

    fn condition(&mut self, node: &Node, path: &str) -> Option<Condition> {
        let mut e = self.entries(node, path)?;
        let target = self.req_string(&mut e, "path", node);
        let mut ops = Vec::new();
        if let Some(n) = e.get("equals") {
            ops.extend(self.literal(n, &join(path, "equals")).map(CondOp::Equals));
        }
        if let Some(n) = e.get("in") {
            ops.push(CondOp::In(self.literal_list(n, &join(path, "in"))));
        }
        if let Some(n) = e.get("not_in") {
            ops.push(CondOp::NotIn(self.literal_list(n, &join(path, "not_in"))));
        }
        self.finish(e, &["path", "equals", "in", "not_in"]);
        if ops.len() != 1 {
            self.error(node, path, "a condition states exactly one of equals, in, not_in");
            return None;
        }
        Some(Condition { path: target?, op: ops.pop()?, loc: self.loc(node) })
    }

    fn quirks(&mut self, node: &Node) -> Vec<Quirk> {
        let Some(items) = node.as_seq() else {
            self.error(node, "quirks", format!("expected a list, found {}", node.kind()));
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, n) in items.iter().enumerate() {
            let path = format!("quirks[{i}]");
            let Some(mut e) = self.entries(n, &path) else { continue };
            let about = match e.get("about") {
                Some(a) => self.string_list(a, &join(&path, "about")).into_iter().map(|(s, _)| s).collect(),
                None => Vec::new(),
            };
            let docs = self.req_string(&mut e, "docs", n);
            let resolution = self.req_string(&mut e, "resolution", n);
            self.finish(e, &["about", "docs", "resolution"]);
            if let (Some(docs), Some(resolution)) = (docs, resolution) {
                out.push(Quirk { about, docs, resolution, loc: self.loc(n) });
            }
        }
        out
    }
}
