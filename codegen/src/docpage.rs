//! Documentation pages as text: their attribute trees, checked against the spec
//! (`doc-check`) or drafted into a new spec file (`doc-import`).
//!
//! Pages come in two layouts. Indented pages (`  • actorobject`) show nesting by
//! indentation. Flat pages (`- actorobject`) do not: nesting is read from the text. With a
//! spec to compare against, each attribute goes under the nearest open object that the spec
//! says has it; without one, top-level objects are recognised by the phrases the vendor
//! uses for them, and an attribute whose name sorts before its predecessor's closes the
//! object (the pages list each object's attributes alphabetically).
//!
//! In both layouts the name and the type are run together: `actorobject` is `actor` +
//! `object`.

use std::collections::{HashMap, HashSet};

use crate::ir::{Check, Event, Field, Ir, Literal, Ty, TypeId, TypeKind};
use crate::witness::Witness;

/// The deepest nesting of a page's attributes that is read (real pages nest four levels).
/// An attribute below it is left out and its line kept in [`Page::clipped`], so that a
/// hostile page costs linear time and memory and every later step stays shallow.
pub const MAX_PAGE_DEPTH: usize = 64;

/// Type words as pages write them, longest first so that `array of objects` wins over
/// `array`.
const TYPE_WORDS: &[&str] = &["array of objects", "array of object", "string", "integer", "number", "boolean", "object", "array"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Flat,
    Indented,
}

/// One attribute as a page lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageAttr {
    pub name: String,
    /// The type as written: `string`, `array of objects`, ...
    pub ty: String,
    pub description: String,
    /// "Possible values" (or numbered values), as listed.
    pub values: Option<Vec<Literal>>,
    /// The list ends with "or ..." (e.g. "or the name of the custom status").
    pub open: bool,
    /// "null when `path` is `value`" sentences.
    pub nulls: Vec<(String, String)>,
    pub children: Vec<PageAttr>,
    /// 1-based line of the page.
    pub line: usize,
}

impl PageAttr {
    fn is_container(&self) -> bool {
        matches!(self.ty.as_str(), "object" | "array of objects" | "array of object")
    }
}

/// A parsed page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub layout: Layout,
    pub attrs: Vec<PageAttr>,
    /// Lines of attributes left out, nested deeper than [`MAX_PAGE_DEPTH`].
    pub clipped: Vec<usize>,
}

/// Why a page could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    #[error("no \"Attributes of the data object\" section: is this a Freshworks event page?")]
    NoAttributes,
    #[error("the attribute section lists no attributes (lines like `- actorobject` or `• actorobject`)")]
    Empty,
}

/// A listed attribute before nesting: where it is and what it says.
#[derive(Debug, Clone)]
struct Item {
    attr: PageAttr,
    /// Column of the bullet, for indented pages.
    indent: usize,
}

/// Splits `actorobject` into (`actor`, `object`).
pub fn split_token(token: &str) -> Option<(&str, &str)> {
    TYPE_WORDS.iter().find_map(|ty| {
        let name = token.strip_suffix(ty)?;
        let valid = !name.is_empty()
            && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        valid.then_some((name, *ty))
    })
}

/// The attribute announced at the end of a line, if any: `- actorobject`, `• idstring`,
/// or one run into the end of a sentence (`Possible values: true, false - org_actor_idstring`).
/// Returns the text before it, the bullet column and the (name, type).
///
/// The token after the bullet is a name run together with its type, so the only spaces in
/// it are those of `array of objects`: it starts after the line's last space, or after the
/// last space before that type. Those are the only places looked at, so a long line costs
/// one pass, not one per bullet on it.
fn attribute_at_end(line: &str) -> Option<(&str, usize, (&str, &str))> {
    let trimmed = line.trim_end();
    for bullet in ["• ", "- "] {
        for spaced in ["array of objects", "array of object", ""] {
            let Some(head) = trimmed.strip_suffix(spaced) else { continue };
            if !spaced.is_empty() && head.ends_with(char::is_whitespace) {
                continue;
            }
            let start = head.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
            let Some(before) = trimmed[..start].strip_suffix(bullet) else { continue };
            let token = &trimmed[start..];
            // Run into a sentence only after punctuation or a space, never inside a word.
            let at_start = before.trim().is_empty();
            let boundary = at_start || before.chars().last().is_some_and(|c| !c.is_alphanumeric());
            if boundary {
                if let Some(split) = split_token(token) {
                    let indent = before.chars().count();
                    return Some((before.trim_end(), indent, split));
                }
            }
        }
    }
    None
}

/// Reads a page's attribute section. `spec` guides the nesting of flat pages.
pub fn parse(text: &str, guide: Option<&Guide<'_>>) -> Result<Page, PageError> {
    parse_with_payloads(text, guide, None)
}

/// Reads a page's attribute section, placing the attributes of a flat page where real
/// payloads of the event have them when the page leaves it open.
pub fn parse_with_payloads(text: &str, guide: Option<&Guide<'_>>, witness: Option<&Witness>) -> Result<Page, PageError> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| l.contains("Attributes of the data object")).ok_or(PageError::NoAttributes)?;
    let layout = if lines[start..].iter().any(|l| l.trim_start().starts_with("• ")) { Layout::Indented } else { Layout::Flat };
    let mut items: Vec<Item> = Vec::new();
    for (i, raw) in lines.iter().enumerate().skip(start + 1) {
        let line_no = i + 1;
        match attribute_at_end(raw) {
            Some((before, indent, (name, ty))) => {
                // An attribute run into the end of a sentence has no indentation of its
                // own; it sits where the attribute before it does.
                let run_in = !before.trim().is_empty();
                let indent = match (run_in, items.last()) {
                    (true, Some(last)) => last.indent,
                    _ => indent,
                };
                if let Some(last) = items.last_mut() {
                    push_text(&mut last.attr.description, before);
                }
                items.push(Item {
                    attr: PageAttr {
                        name: name.to_string(),
                        ty: ty.to_string(),
                        description: String::new(),
                        values: None,
                        open: false,
                        nulls: Vec::new(),
                        children: Vec::new(),
                        line: line_no,
                    },
                    indent,
                });
            }
            None => {
                if let Some(last) = items.last_mut() {
                    push_text(&mut last.attr.description, raw);
                }
            }
        }
    }
    if items.is_empty() {
        return Err(PageError::Empty);
    }
    for item in &mut items {
        read_values(&mut item.attr);
        item.attr.nulls = null_conditions(&item.attr.description);
    }
    let mut clipped = Vec::new();
    let attrs = match layout {
        Layout::Indented => nest_by_indent(items, &mut clipped),
        Layout::Flat => nest_flat(items, guide, witness, &mut clipped),
    };
    Ok(Page { layout, attrs, clipped })
}

/// Adds a line of page text to a description. Characters a spec may not hold (control and
/// bidirectional characters, a carriage return inside a line) are kept as their escapes
/// (`\u{0}`), so that every value, condition and sentence read from the description can go
/// into a draft that lints, and none can end a line of it.
fn push_text(desc: &mut String, text: &str) {
    let t = text.trim();
    if t.is_empty() {
        return;
    }
    if !desc.is_empty() {
        desc.push('\n');
    }
    for c in t.chars() {
        if crate::safe::is_forbidden(c) {
            desc.extend(c.escape_default());
        } else {
            desc.push(c);
        }
    }
}

/// "Possible values: a, b", "Possible values:- A: ...\n- B: ...", numbered `0: ...` lines.
fn read_values(attr: &mut PageAttr) {
    let desc = attr.description.clone();
    let mut values: Vec<Literal> = Vec::new();
    if let Some(i) = desc.find("Possible values:") {
        let rest = &desc[i + "Possible values:".len()..];
        let first = rest.lines().next().unwrap_or("").trim();
        if first.is_empty() || first.starts_with('-') {
            // One value per line: `- Name: text` or `0: text`.
            for l in rest.lines() {
                let l = l.trim().trim_start_matches('-').trim();
                if let Some((v, _)) = l.split_once(':') {
                    if !v.is_empty() && !v.contains(' ') {
                        values.push(literal(v));
                    }
                }
            }
        } else {
            // Up to the end of the sentence, or to a note run into it without a break
            // ("Possible values: true, false Note:Default statuses are ...").
            let mut sentence = first.split(". ").next().unwrap_or(first).trim_end_matches('.');
            for marker in RUN_IN_MARKERS {
                if let Some(i) = sentence.find(marker) {
                    sentence = &sentence[..i];
                }
            }
            for part in sentence.split(',') {
                let part = part.trim();
                if let Some(rest) = part.strip_prefix("or ") {
                    // "or the name of a custom status": anything else; "or x": one more value.
                    if !rest.contains(' ') && !rest.is_empty() {
                        values.push(literal(rest));
                    } else {
                        attr.open = true;
                    }
                    break;
                }
                if part.is_empty() {
                    continue;
                }
                match part.split_once(' ') {
                    None => values.push(literal(part)),
                    // A value with a sentence run into it: the value, then the list ends.
                    Some((value, rest)) if rest.starts_with(|c: char| c.is_uppercase()) => {
                        values.push(literal(value));
                        break;
                    }
                    // Words, not a value: the list has ended.
                    Some(_) => break,
                }
            }
        }
    } else if attr.ty == "integer" {
        for l in desc.lines() {
            if let Some((v, _)) = l.trim().split_once(':') {
                if let Ok(n) = v.trim().parse::<i64>() {
                    values.push(Literal::Int(n));
                }
            }
        }
    }
    if !values.is_empty() {
        // A value listed twice is one value (an enum may not list it twice).
        let mut seen = HashSet::new();
        values.retain(|v| seen.insert(format!("{v:?}")));
        attr.values = Some(values);
    }
}

/// Words that start a new sentence run into a list without a break.
const RUN_IN_MARKERS: &[&str] = &["Note:", "Note :", "Notes:", "Important:", "Example"];

fn literal(v: &str) -> Literal {
    match v {
        "true" => Literal::Bool(true),
        "false" => Literal::Bool(false),
        _ => match v.parse::<i64>() {
            Ok(n) => Literal::Int(n),
            Err(_) => Literal::Str(v.to_string()),
        },
    }
}

/// "The value of this attribute is null when the actor.type is system", "If the X is Y,
/// this attribute value is null", "If the actor is the Freshdesk system, ... null".
pub fn null_conditions(desc: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    // Sentences end at ". " or a line break; a dot inside `actor.type` is not an end.
    for sentence in desc.split('\n').flat_map(|l| l.split(". ")).map(|s| s.trim().trim_end_matches('.')) {
        let lower = sentence.to_ascii_lowercase();
        if !lower.contains("null") {
            continue;
        }
        if let Some(i) = lower.find("null when the ") {
            let rest = &sentence[i + "null when the ".len()..];
            if let Some((path, value)) = rest.split_once(" is ") {
                out.push((path.trim().to_string(), value.trim().to_string()));
            }
        } else if let Some(rest) = sentence.strip_prefix("If ") {
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            if let Some((cond, _)) = rest.split_once(',') {
                if let Some((path, value)) = cond.split_once(" is ") {
                    let path = path.trim();
                    if path == "actor" && value.contains("system") {
                        out.push(("actor.type".to_string(), "system".to_string()));
                    } else if path.contains('.') {
                        out.push((path.to_string(), value.trim().to_string()));
                    }
                }
            }
        }
    }
    out
}

fn nest_by_indent(items: Vec<Item>, clipped: &mut Vec<usize>) -> Vec<PageAttr> {
    // A stack of (indent, attribute being filled).
    let mut roots: Vec<PageAttr> = Vec::new();
    let mut stack: Vec<(usize, PageAttr)> = Vec::new();
    for item in items {
        while stack.last().is_some_and(|(indent, _)| *indent >= item.indent) {
            close(&mut stack, &mut roots);
        }
        if stack.len() >= MAX_PAGE_DEPTH {
            clipped.push(item.attr.line);
            continue;
        }
        stack.push((item.indent, item.attr));
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    roots
}

fn close(stack: &mut Vec<(usize, PageAttr)>, roots: &mut Vec<PageAttr>) {
    if let Some((_, done)) = stack.pop() {
        match stack.last_mut() {
            Some((_, parent)) => parent.children.push(done),
            None => roots.push(done),
        }
    }
}

/// Phrases the vendor opens top-level objects' descriptions with.
const TOP_LEVEL_CUES: &[&str] = &[
    "Information pertaining to the entity",
    "Information pertaining to the agent’s activity",
    "Information pertaining to the agent's activity",
    "Details of the custom status",
    "All associated objects",
    "Changes that triggered",
    "Updated information pertaining",
];

/// The vendor's phrase for the `associations` object, which no page gives attributes.
const OPAQUE_CUE: &str = "All associated objects";

/// What the whole page says about where objects sit, beyond the attribute list: the dotted
/// paths its sentences name (`actor.type`, `<agent_status.attribute that changed>`), kept
/// as the set of their proper prefixes (`actor` for `actor.type`), up to the depth a page
/// is read to.
struct Evidence {
    objects: HashSet<String>,
}

impl Evidence {
    fn read(items: &[Item]) -> Self {
        let mut objects = HashSet::new();
        for item in items {
            let text = &item.attr.description;
            let mut word = String::new();
            for c in text.chars().chain(std::iter::once(' ')) {
                if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
                    word.push(c);
                    continue;
                }
                let w = word.trim_matches('.');
                if w.contains('.')
                    && w.split('.').all(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
                {
                    // `manifest.json`, `server.js` name files, not attributes.
                    if !matches!(w.rsplit('.').next(), Some("json" | "js")) {
                        let segments: Vec<&str> = w.split('.').collect();
                        let mut prefix = String::new();
                        for s in segments.iter().take(segments.len() - 1).take(MAX_PAGE_DEPTH + 1) {
                            if !prefix.is_empty() {
                                prefix.push('.');
                            }
                            prefix.push_str(s);
                            objects.insert(prefix.clone());
                        }
                    }
                }
                word.clear();
            }
        }
        Evidence { objects }
    }

    /// Whether a sentence names a path through `parents` (joined with dots, empty at the
    /// top) and then `name`, so that `name` is an object below `parents`.
    fn names_object_at(&self, parents: &str, name: &str) -> bool {
        if parents.is_empty() {
            self.objects.contains(name)
        } else {
            self.objects.contains(&format!("{parents}.{name}"))
        }
    }
}

/// An object open while a flat page is read: the attribute, the spec type behind it (with
/// a guide), and what it refuses, read once from its description.
struct Open {
    attr: PageAttr,
    node: Option<GuideNode>,
    refusal: Refusal,
}

/// Which attributes an open object takes none of: the vendor's `associations` object never
/// lists any, and an object described by a JSON format (the `changes` object) lists only
/// keys that its format shows.
enum Refusal {
    None,
    All,
    /// Only the keys its JSON format shows, quoted in its description.
    Except(HashSet<String>),
}

impl Refusal {
    fn of(container: &PageAttr) -> Self {
        let d = &container.description;
        if d.starts_with(OPAQUE_CUE) {
            return Refusal::All;
        }
        if !d.contains("following format") {
            return Refusal::None;
        }
        Refusal::Except(d.split('"').skip(1).step_by(2).map(str::to_string).collect())
    }

    fn refuses(&self, attr: &PageAttr) -> bool {
        match self {
            Refusal::None => false,
            Refusal::All => true,
            Refusal::Except(keys) => !keys.contains(&attr.name),
        }
    }
}

fn nest_flat(items: Vec<Item>, guide: Option<&Guide<'_>>, witness: Option<&Witness>, clipped: &mut Vec<usize>) -> Vec<PageAttr> {
    // Bullets at more than one indentation: the page shows its nesting after all.
    if guide.is_none() {
        let first = items.first().map(|i| i.indent);
        if items.iter().any(|i| Some(i.indent) != first) {
            return nest_by_indent(items, clipped);
        }
    }
    let evidence = Evidence::read(&items);
    let mut roots: Vec<PageAttr> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    for item in items {
        let attr = item.attr;
        let depth = match guide {
            Some(g) => g.depth_for(&attr.name, &stack),
            None => heuristic_depth(&attr, &stack, &roots, &evidence, witness),
        };
        while stack.len() > depth {
            close_flat(&mut stack, &mut roots);
        }
        let node = guide.and_then(|g| g.child(stack.last().map(|o| &o.node), &attr.name));
        if attr.is_container() && stack.len() < MAX_PAGE_DEPTH {
            let refusal = Refusal::of(&attr);
            stack.push(Open { attr, node: node.flatten(), refusal });
        } else {
            if attr.is_container() {
                // Too deep to open: kept without its attributes, which the next open
                // object takes.
                clipped.push(attr.line);
            }
            match stack.last_mut() {
                Some(open) => open.attr.children.push(attr),
                None => roots.push(attr),
            }
        }
    }
    while !stack.is_empty() {
        close_flat(&mut stack, &mut roots);
    }
    roots
}

fn close_flat(stack: &mut Vec<Open>, roots: &mut Vec<PageAttr>) {
    if let Some(done) = stack.pop() {
        match stack.last_mut() {
            Some(parent) => parent.attr.children.push(done.attr),
            None => roots.push(done.attr),
        }
    }
}

/// How many open objects stay open for `attr`, without a spec: each depth is weighed on
/// the evidence and the best wins, the deepest on a tie.
///
/// - Leaving an object costs a little (attributes usually follow their object), and
///   leaving one that has no attribute yet costs more.
/// - The pages list each object's attributes alphabetically (the one exception: `id`
///   first), so an attribute that sorts before the previous one at a depth is unlikely to
///   belong there; this is what ends an object on a flat page.
/// - An object whose description opens with one of the vendor's phrases for top-level
///   objects, or that the page's sentences name as the start of a path
///   (`agent_status.state_type`), is likely top-level; one named below an open object
///   (`queue.overflow.action`) likely belongs there.
/// - Real payloads, when given, outweigh the rest: a depth where they have the attribute
///   wins over every depth where they do not.
fn heuristic_depth(attr: &PageAttr, stack: &[Open], roots: &[PageAttr], evidence: &Evidence, witness: Option<&Witness>) -> usize {
    let n = stack.len();
    let lower = attr.name.to_ascii_lowercase();
    let refused = n > 0 && stack[n - 1].refusal.refuses(attr);
    // The open objects' names joined up to each depth, for the evidence.
    let mut parents = Vec::with_capacity(n + 1);
    parents.push(String::new());
    for open in stack {
        let last = parents.last().map(String::as_str).unwrap_or_default();
        parents.push(if last.is_empty() { open.attr.name.clone() } else { format!("{last}.{}", open.attr.name) });
    }
    let phrase = attr.is_container()
        && (TOP_LEVEL_CUES.iter().any(|c| attr.description.starts_with(c))
            || (attr.ty == "object" && attr.description.starts_with("Information pertaining to")));
    let mut best = (i32::MIN, n);
    for d in (0..=n).rev() {
        if d == n && refused {
            continue;
        }
        let mut score = -((n - d) as i32);
        if d < n && stack[n - 1].attr.children.is_empty() && !refused {
            score -= 2;
        }
        // The attribute listed last at this depth, and whether it is the only one.
        let (prev, alone) = if d < n {
            let siblings = if d == 0 { roots.len() } else { stack[d - 1].attr.children.len() };
            (Some(stack[d].attr.name.as_str()), siblings == 0)
        } else if n > 0 {
            let c = &stack[n - 1].attr.children;
            (c.last().map(|a| a.name.as_str()), c.len() == 1)
        } else {
            (roots.last().map(|a| a.name.as_str()), roots.len() == 1)
        };
        if let Some(prev) = prev {
            let id_first = alone && prev == "id";
            if lower < prev.to_ascii_lowercase() && !id_first {
                score -= 3;
            }
        }
        if attr.is_container() {
            if d == 0 && (phrase || evidence.names_object_at("", &attr.name)) {
                score += 4;
            }
            if d > 0 && evidence.names_object_at(&parents[d], &attr.name) {
                score += 4;
            }
        }
        if let Some(w) = witness {
            let mut path: Vec<&str> = stack[..d].iter().map(|open| open.attr.name.as_str()).collect();
            path.push(&attr.name);
            if w.has(&path) {
                score += 100;
            }
        }
        if score > best.0 {
            best = (score, d);
        }
    }
    best.1
}

// ---- the spec as a guide and as the thing to compare with ----

/// An object type of the spec, as a flat page's guide sees it.
pub type GuideNode = TypeId;

/// The spec's attribute tree of one event, for nesting flat pages.
pub struct Guide<'a> {
    ir: &'a Ir,
    data: TypeId,
}

impl<'a> Guide<'a> {
    pub fn new(ir: &'a Ir, event: &Event) -> Self {
        Guide { ir, data: event.data }
    }

    fn fields(&self, node: Option<&Option<GuideNode>>) -> &'a [Field] {
        match node {
            None => self.ir.fields(self.data),
            Some(Some(id)) => self.ir.fields(*id),
            Some(None) => &[],
        }
    }

    /// The object type a page attribute opens, if the spec knows it.
    fn child(&self, parent: Option<&Option<GuideNode>>, name: &str) -> Option<Option<GuideNode>> {
        let field = find_field(self.fields(parent), name)?;
        Some(object_of(self.ir, &field.ty))
    }

    /// The deepest open object the spec gives an attribute of this name; the current one
    /// when none does (an attribute the spec lacks stays where the page puts it).
    fn depth_for(&self, name: &str, stack: &[Open]) -> usize {
        for depth in (0..=stack.len()).rev() {
            let node = if depth == 0 { None } else { Some(&stack[depth - 1].node) };
            if find_field(self.fields(node), name).is_some() {
                return depth;
            }
        }
        stack.len()
    }
}

/// A field by its wire name or the name the page writes.
fn find_field<'f>(fields: &'f [Field], name: &str) -> Option<&'f Field> {
    fields.iter().find(|f| f.wire == name).or_else(|| fields.iter().find(|f| f.doc.name.as_deref() == Some(name)))
}

/// The object whose attributes a page lists under an attribute of type `ty`: the object
/// itself, an array's item object, or a map's value object (pages flatten the map level).
fn object_of(ir: &Ir, ty: &Ty) -> Option<TypeId> {
    match ty {
        Ty::Named(id) if matches!(ir.ty(*id).kind, TypeKind::Object(_)) => Some(*id),
        Ty::Array(item) | Ty::Map(item) => object_of(ir, item),
        _ => None,
    }
}

// ---- doc-check ----

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

// ---- doc-import ----

/// Drafts a spec file for a page's event, for a person to finish.
///
/// The names are written as YAML scalars, quoted where needed, so a file name cannot become
/// YAML; the checker then judges them as names. A page nested deeper than the spec can hold
/// is drafted to [`MAX_DRAFT_INDENT`] with a TODO note where it was cut, so that a draft
/// always loads.
pub fn import(page: &Page, event: &str, product: &str, source: &str) -> String {
    let mut s = String::new();
    s.push_str(&format!("# Drafted by `fwevents doc-import` from {}. Review every TODO.\n", crate::safe::escape(source)));
    if let Some(first) = page.clipped.first() {
        s.push_str(&format!(
            "# TODO: {} attribute(s) from line {first} on are nested deeper than {MAX_PAGE_DEPTH} levels; the draft does not nest them.\n",
            page.clipped.len()
        ));
    }
    s.push_str(&format!("event: {}\nproduct: {}\nsource: {}\n", yaml_scalar(event), yaml_scalar(product), yaml_scalar(source)));
    s.push_str("description: TODO describe the event in our own words.\n\ndata:\n");
    let mut d = Draft { rules: Vec::new(), rule_index: HashMap::new(), type_names: HashSet::new(), paths: HashMap::new() };
    for attr in &dedupe(page.attrs.clone()) {
        draft_attr(&mut s, attr, 1, "", &mut d);
    }
    // A rule goes in only when the checker will take it: its condition names an attribute
    // the draft has, with a value of that attribute's type. The others are left as
    // comments for the person finishing the draft, never as a `rules:` key without a rule
    // (which would read as null and fail the lint).
    let mut active = Vec::new();
    let mut parked = Vec::new();
    for (path, value, targets) in std::mem::take(&mut d.rules) {
        match d.condition(&path, &value) {
            Ok(literal) => active.push((path, literal, targets)),
            Err(why) => parked.push((path, yaml_scalar(&value), targets, why)),
        }
    }
    let mut n = 0;
    let mut rule = |s: &mut String, hash: &str, path: &str, literal: &str, targets: &[String]| {
        n += 1;
        s.push_str(&format!("{hash}  - id: null-when-{n}\n{hash}    description: TODO (from the page's null-when sentences).\n"));
        s.push_str(&format!("{hash}    when: {{ path: {path}, equals: {literal} }}\n{hash}    null:\n"));
        for t in targets {
            s.push_str(&format!("{hash}      - {t}\n"));
        }
    };
    if !active.is_empty() {
        s.push_str("\nrules:\n");
        for (path, literal, targets) in &active {
            rule(&mut s, "", path, literal, targets);
        }
    }
    if !parked.is_empty() {
        s.push_str(if active.is_empty() { "\n# rules:\n" } else { "" });
        for (path, literal, targets, why) in &parked {
            s.push_str(&format!("  # TODO: {why}; fix the rule and uncomment it.\n"));
            rule(&mut s, "# ", path, literal, targets);
        }
    }
    s
}

/// A YAML scalar: plain when that reads back as the same string, single-quoted otherwise,
/// double-quoted with escapes when it holds a line break or another control character
/// (which a single-quoted scalar would fold or carry raw).
fn yaml_scalar(v: &str) -> String {
    if v.chars().any(char::is_control) {
        return serde_json::to_string(v).unwrap_or_default();
    }
    let plain = !v.is_empty()
        && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !matches!(v, "true" | "false" | "null" | "yes" | "no" | "on" | "off")
        && v.parse::<f64>().is_err();
    if plain {
        v.to_string()
    } else {
        format!("'{}'", v.replace('\'', "''"))
    }
}

/// What drafting collects on the way: rules from null sentences, and the Rust type names
/// taken so far (a second `type` enum gets a name from its path, not a clash).
struct Draft {
    rules: Vec<(String, String, Vec<String>)>,
    /// Where each (path, value) condition is in `rules`.
    rule_index: HashMap<(String, String), usize>,
    type_names: HashSet<String>,
    /// Attribute paths drafted so far with what they hold, for checking rule conditions.
    paths: HashMap<String, Kind>,
}

/// What a drafted attribute holds, as far as a rule's condition cares.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Text,
    Integer,
    Boolean,
    Enum(Vec<Literal>),
    /// An object, array, id or timestamp: not something a drafted condition compares.
    Other,
}

impl Draft {
    /// The YAML literal of `value` for a condition on `path`, or why there is none.
    fn condition(&self, path: &str, value: &str) -> Result<String, String> {
        let Some(kind) = self.paths.get(path) else {
            return Err(format!("the page names {path}, which it does not list"));
        };
        let lit = literal(value);
        match kind {
            Kind::Enum(values) if values.contains(&lit) => Ok(match lit {
                Literal::Str(_) => yaml_scalar(value),
                other => other.to_string(),
            }),
            Kind::Enum(_) => Err(format!("{value} is not one of the values the page lists for {path}")),
            Kind::Integer if matches!(lit, Literal::Int(_)) => Ok(value.to_string()),
            Kind::Boolean if matches!(lit, Literal::Bool(_)) => Ok(value.to_string()),
            Kind::Text => Ok(yaml_scalar(value)),
            Kind::Integer | Kind::Boolean | Kind::Other => Err(format!("{path} cannot be compared with {value}")),
        }
    }
}

/// Drops attributes a page lists twice, counting them in `listed`. Takes the tree by value
/// so that nothing is copied (a copy per level would cost the square of the depth).
fn dedupe(attrs: Vec<PageAttr>) -> Vec<PageAttr> {
    let mut out: Vec<PageAttr> = Vec::with_capacity(attrs.len());
    let mut at: HashMap<String, usize> = HashMap::new();
    for mut a in attrs {
        // The draft writes names in lower case (`Phone` is `phone`), so that is what repeats.
        let key = a.name.to_lowercase();
        match at.get(&key) {
            Some(&first) => out[first].description.push_str("\n(listed twice)"),
            None => {
                a.children = dedupe(std::mem::take(&mut a.children));
                at.insert(key, out.len());
                out.push(a);
            }
        }
    }
    out
}

/// The deepest indentation level (two spaces each) an attribute's key is drafted at: its
/// own YAML then reaches at most four levels further (an integer enum's `- { value }`),
/// within the spec's 64-level limit counting the file's top mapping and `data`.
pub const MAX_DRAFT_INDENT: usize = crate::yaml::MAX_DEPTH - 6;

/// The kind of enum a drafted attribute of type `ty` becomes with the listed `values`: a
/// string or integer enum when every value is of that type, none otherwise.
fn enum_kind(ty: &str, values: &[Literal]) -> Option<&'static str> {
    match ty {
        "string" if values.iter().all(|v| matches!(v, Literal::Str(_))) => Some("string"),
        "integer" if values.iter().all(|v| matches!(v, Literal::Int(_))) => Some("integer"),
        _ => None,
    }
}

fn draft_attr(s: &mut String, attr: &PageAttr, depth: usize, prefix: &str, d: &mut Draft) {
    let pad = "  ".repeat(depth);
    let name = attr.name.to_lowercase();
    let path = if prefix.is_empty() { name.clone() } else { format!("{prefix}.{name}") };
    let item_path = if attr.ty.starts_with("array of object") { format!("{path}[]") } else { path.clone() };
    s.push_str(&format!("{pad}{name}:\n"));
    let is_id = name == "id" || name.ends_with("_id");
    let is_timestamp =
        attr.ty == "string" && (attr.description.starts_with("Timestamp") || name.ends_with("_at") || name.ends_with("_timestamp"));
    let ty = match attr.ty.as_str() {
        _ if is_id && matches!(attr.ty.as_str(), "string" | "integer") => "id",
        _ if is_timestamp => "timestamp",
        "array of objects" | "array of object" | "array" => "array",
        other => other,
    };
    s.push_str(&format!("{pad}  type: {ty}\n"));
    // An inline object, item object or enum becomes a Rust type named after the attribute;
    // a name already taken gets one from the whole path instead.
    let makes_type = attr.is_container() || attr.values.as_deref().is_some_and(|v| enum_kind(ty, v).is_some());
    let rust_name = if makes_type {
        use heck::ToUpperCamelCase;
        let leaf = name.to_upper_camel_case();
        if d.type_names.contains(&leaf) {
            let full = format!("data_{}", path.replace('.', "_")).to_upper_camel_case();
            d.type_names.insert(full.clone());
            Some(full)
        } else {
            d.type_names.insert(leaf);
            None
        }
    } else {
        None
    };
    if let (Some(n), false) = (&rust_name, attr.ty.starts_with("array")) {
        s.push_str(&format!("{pad}  rust_name: {n}\n"));
    }
    let first_sentence = attr.description.lines().next().unwrap_or("").split(". ").next().unwrap_or("").trim_end_matches('.');
    s.push_str(&format!("{pad}  description: {}\n", yaml_scalar(&format!("TODO in our own words; the page: {first_sentence}"))));
    if !attr.nulls.is_empty() {
        s.push_str(&format!("{pad}  nullable: true\n"));
    }
    let mut doc = Vec::new();
    if attr.description.ends_with("(listed twice)") {
        doc.push("listed: 2".to_string());
    }
    if name != attr.name {
        doc.push(format!("name: {}", attr.name));
    }
    if ty == "id" || (attr.ty != "array of objects" && ty == "array" && attr.ty.starts_with("array of")) {
        doc.push(format!("type: {}", yaml_scalar(&attr.ty)));
    }
    if let Some(values) = &attr.values {
        let strs: Vec<String> = values
            .iter()
            .map(|v| match v {
                Literal::Str(x) => yaml_scalar(x),
                other => other.to_string(),
            })
            .collect();
        match enum_kind(ty, values) {
            Some("integer") => {
                s.push_str(&format!("{pad}  open: true\n{pad}  enum:\n"));
                for v in values {
                    // `-1` is no part of a name.
                    let name = v.to_string().replace('-', "minus_");
                    s.push_str(&format!("{pad}    - {{ value: {v}, name: TODO_{name} }}\n"));
                }
            }
            Some(_) => {
                s.push_str(&format!("{pad}  open: {}\n{pad}  enum: [{}]\n", attr.open, strs.join(", ")));
            }
            // Values the drafted type cannot take as an enum (an id's, a timestamp's, words
            // listed for a number) are kept as what the page lists; true and false for a
            // boolean are its type already.
            None if ty == "boolean" && values.iter().all(|v| matches!(v, Literal::Bool(_))) => {}
            None => doc.push(format!("values: [{}]", strs.join(", "))),
        }
    }
    if !doc.is_empty() {
        s.push_str(&format!("{pad}  doc: {{ {} }}\n", doc.join(", ")));
    }
    let kind = match (&attr.values, ty) {
        (Some(values), _) if enum_kind(ty, values).is_some() => Kind::Enum(values.clone()),
        (_, "string") => Kind::Text,
        (_, "integer") => Kind::Integer,
        (_, "boolean") => Kind::Boolean,
        _ => Kind::Other,
    };
    d.paths.insert(path.clone(), kind);
    for (cond, value) in &attr.nulls {
        match d.rule_index.get(&(cond.clone(), value.clone())) {
            Some(&i) => d.rules[i].2.push(path.clone()),
            None => {
                d.rule_index.insert((cond.clone(), value.clone()), d.rules.len());
                d.rules.push((cond.clone(), value.clone(), vec![path.clone()]));
            }
        }
    }
    let too_deep = |s: &mut String, at: usize| {
        if attr.children.is_empty() || at <= MAX_DRAFT_INDENT {
            return false;
        }
        s.push_str(&format!(
            "{pad}  # TODO: the page lists {} attribute(s) here, nested deeper than a spec file can hold ({} levels); not drafted.\n",
            attr.children.len(),
            crate::yaml::MAX_DEPTH
        ));
        true
    };
    match attr.ty.as_str() {
        "object" => {
            if attr.children.is_empty() || too_deep(s, depth + 2) {
                return;
            }
            s.push_str(&format!("{pad}  fields:\n"));
            for c in &attr.children {
                draft_attr(s, c, depth + 2, &path, d);
            }
        }
        "array of objects" | "array of object" => {
            s.push_str(&format!("{pad}  items:\n{pad}    type: object\n"));
            if let Some(n) = &rust_name {
                s.push_str(&format!("{pad}    rust_name: {n}\n"));
            }
            if !attr.children.is_empty() && !too_deep(s, depth + 3) {
                s.push_str(&format!("{pad}    fields:\n"));
                for c in &attr.children {
                    draft_attr(s, c, depth + 3, &item_path, d);
                }
            }
        }
        "array" => s.push_str(&format!("{pad}  items: {{ type: any }}\n")),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_into_name_and_type() {
        assert_eq!(split_token("actorobject"), Some(("actor", "object")));
        assert_eq!(split_token("social_profilesarray of objects"), Some(("social_profiles", "array of objects")));
        assert_eq!(split_token("user_informationarray of object"), Some(("user_information", "array of object")));
        assert_eq!(split_token("changedarray"), Some(("changed", "array")));
        assert_eq!(split_token("Phonestring"), Some(("Phone", "string")));
        assert_eq!(split_token("string"), None);
        assert_eq!(split_token("An agent"), None);
    }

    #[test]
    fn attributes_run_into_sentences_are_found() {
        let (before, _, split) = attribute_at_end("Possible values: true, false - org_actor_idstring").unwrap();
        assert_eq!(before, "Possible values: true, false");
        assert_eq!(split, ("org_actor_id", "string"));
        assert!(attribute_at_end("- An agent’s existing default status is updated").is_none());
        assert!(attribute_at_end("is-a-word").is_none());
    }

    const FLAT: &str = "intro\nAttributes of the data object\n- actorobject\nInformation pertaining to the entity who triggered it.\n- avatarobject\nImage.\n- urlstring\nLink. The value of this attribute is null when the actor.type is system.\n- emailstring\nEmail.\n- typestring\nWho.\nPossible values: agent, system\n- agent_activityobject\nInformation pertaining to the agent’s activity.\n- statusstring\nStatus.\nPossible values: AVAILABLE, UNAVAILABLE, or the name of a custom status.\n- availablebooleanx\n";

    #[test]
    fn flat_pages_nest_by_cues_and_order() {
        let page = parse(FLAT, None).unwrap();
        assert_eq!(page.layout, Layout::Flat);
        let names: Vec<&str> = page.attrs.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["actor", "agent_activity"]);
        let actor: Vec<&str> = page.attrs[0].children.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(actor, ["avatar", "email", "type"]);
        assert_eq!(page.attrs[0].children[0].children[0].nulls, [("actor.type".to_string(), "system".to_string())]);
        let status = &page.attrs[1].children[0];
        assert_eq!(status.values, Some(vec![Literal::Str("AVAILABLE".into()), Literal::Str("UNAVAILABLE".into())]));
        assert!(status.open);
    }

    #[test]
    fn indented_pages_nest_by_indentation() {
        let text = "Attributes of the data object\n\n  • actorobject\n\n    About.\n\n    • idstring\n\n      Id.\n\n  • changesobject\n\n    • model_changesobject\n\n      What.\n";
        let page = parse(text, None).unwrap();
        assert_eq!(page.layout, Layout::Indented);
        assert_eq!(page.attrs.len(), 2);
        assert_eq!(page.attrs[0].children[0].name, "id");
        assert_eq!(page.attrs[1].children[0].name, "model_changes");
    }

    #[test]
    fn pages_without_attributes_are_errors() {
        assert_eq!(parse("hello", None), Err(PageError::NoAttributes));
        assert_eq!(parse("Attributes of the data object\nnothing here", None), Err(PageError::Empty));
    }

    #[test]
    fn values_stop_where_a_note_is_run_into_the_list() {
        let attr = |ty: &str, desc: &str| {
            let mut a = PageAttr {
                name: "x".into(),
                ty: ty.into(),
                description: desc.into(),
                values: None,
                open: false,
                nulls: Vec::new(),
                children: Vec::new(),
                line: 1,
            };
            read_values(&mut a);
            (a.values, a.open)
        };
        let (values, _) =
            attr("boolean", "Active.\nPossible values: true, false Note:Default statuses available are available, unavailable, on_call.");
        assert_eq!(values, Some(vec![Literal::Bool(true), Literal::Bool(false)]));
        let (values, _) = attr("string", "Priority.\nPossible values: primary, secondary Agents with the secondary priority wait.");
        assert_eq!(values, Some(vec![Literal::Str("primary".into()), Literal::Str("secondary".into())]));
        let (values, open) = attr("string", "Possible values: a, b, or c");
        assert_eq!((values.map(|v| v.len()), open), (Some(3), false));
        let (values, open) = attr("string", "Possible values: A, B, or the name of a custom status.");
        assert_eq!((values.map(|v| v.len()), open), (Some(2), true));
    }

    /// The draft of a page, for the tests below.
    fn draft_of(text: &str) -> String {
        import(&parse(text, None).unwrap(), "onThing", "acme", "acme-onThing.txt")
    }

    #[test]
    fn a_draft_without_a_usable_rule_has_no_rules_key() {
        let text = "Attributes of the data object\n- actorobject\nInformation pertaining to the entity.\n- emailstring\nEmail. The value of this attribute is null when the actor.type is system.\n";
        let draft = draft_of(text);
        assert!(!draft.lines().any(|l| l.starts_with("rules:")), "{draft}");
        assert!(draft.contains("# TODO: the page names actor.type, which it does not list"), "{draft}");
        assert!(draft.contains("#     when: { path: actor.type, equals: system }"), "{draft}");
    }

    #[test]
    fn rule_conditions_take_the_type_of_their_attribute() {
        let text = "Attributes of the data object\n  • queueobject\n    Queue.\n    • actioninteger\n      What.\n      Possible values:\n      0: Drop.\n      1: Keep.\n    • targetstring\n      Where. If the queue.action is 0, this attribute value is null.\n    • kindstring\n      Kind.\n      Possible values: a, b\n    • notestring\n      Note. If the queue.kind is c, this attribute value is null.\n";
        let draft = draft_of(text);
        assert!(draft.contains("\nrules:\n  - id: null-when-1\n"), "{draft}");
        assert!(draft.contains("when: { path: queue.action, equals: 0 }"), "{draft}");
        assert!(draft.contains("# TODO: c is not one of the values the page lists for queue.kind"), "{draft}");
    }

    #[test]
    fn flat_pages_leave_an_object_when_the_order_restarts() {
        // The shape the five pages lack: a second top-level object after the first one's
        // attributes, with an array of objects inside it and attributes after the array.
        let text = "Attributes of the data object\n- actorobject\nInformation pertaining to the entity.\n- idstring\nId.\n- namestring\nName.\n- typestring\nWho.\n- agent_statusobject\nThe status.\n- channelsarray of objects\nChannels.\n- channelstring\nChannel.\n- enabledboolean\nOn.\n- created_atstring\nWhen.\n- associationsobject\nAll associated objects of the status.\n- reasonstring\nWhy.\n";
        let page = parse(text, None).unwrap();
        let names: Vec<&str> = page.attrs.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["actor", "agent_status", "associations", "reason"]);
        let status: Vec<&str> = page.attrs[1].children.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(status, ["channels", "created_at"]);
        assert_eq!(page.attrs[1].children[0].children.len(), 2);
    }

    #[test]
    fn null_sentences() {
        assert_eq!(
            null_conditions("If the agent_activity.availability_agent_type is GeneralAvailability, this attribute value is null."),
            [("agent_activity.availability_agent_type".to_string(), "GeneralAvailability".to_string())]
        );
        assert_eq!(
            null_conditions("If the actor is the Freshdesk system, the id value is null."),
            [("actor.type".to_string(), "system".to_string())]
        );
    }

    /// A draft loads beside the base spec and passes the checker.
    fn lints(draft: &str) {
        let files = vec![
            crate::SourceFile { path: "spec.yaml".into(), text: crate::testing::BASE_SPEC.into() },
            crate::SourceFile { path: "acme/onThing.yaml".into(), text: draft.into() },
        ];
        if let Err(d) = crate::compile(&files) {
            panic!("the draft does not lint:\n{d}\n{draft}");
        }
    }

    /// An indented page nesting `depth` containers of type `ty`, the deepest holding an
    /// integer with listed values (the leaf whose YAML nests deepest).
    fn deep_page(depth: usize, ty: &str) -> String {
        let mut text = String::from("Attributes of the data object\n");
        for i in 0..depth {
            text.push_str(&format!("{}• a{i}{ty}\n{}  Information.\n", " ".repeat(i), " ".repeat(i)));
        }
        text.push_str(&format!("{}• levelinteger\n0: low\n1: high\n", " ".repeat(depth)));
        text
    }

    #[test]
    fn a_page_nested_deeper_than_a_spec_can_hold_drafts_one_that_lints() {
        for ty in ["object", "array of objects"] {
            for depth in [3, 30, 64, 65, 300] {
                let page = parse(&deep_page(depth, ty), None).unwrap();
                assert_eq!(page.clipped.len(), (depth + 1).saturating_sub(MAX_PAGE_DEPTH), "{ty} {depth}");
                let draft = import(&page, "onThing", "acme", "acme-onThing.txt");
                lints(&draft);
                // Cut where the YAML would pass 64 levels: objects take two a level,
                // arrays of objects three.
                let cut = draft.contains("nested deeper than a spec file can hold");
                assert_eq!(cut, depth >= 30, "{ty} {depth}:\n{draft}");
            }
        }
        // A flat page keeps a container too deep to open as an attribute without any.
        let mut flat = String::from("Attributes of the data object\n");
        for i in 0..100 {
            flat.push_str(&format!("- a{i:03}object\nInformation.\n"));
        }
        let page = parse(&flat, None).unwrap();
        assert_eq!(page.clipped.len(), 100 - MAX_PAGE_DEPTH);
        lints(&import(&page, "onThing", "acme", "acme-onThing.txt"));
    }

    #[test]
    fn names_from_the_file_are_yaml_scalars_not_yaml() {
        let page = parse("Attributes of the data object\n- idstring\nThe id.\n", None).unwrap();
        let draft = import(&page, "onThing", "acme", "x\nrules: [] #.txt");
        assert!(draft.contains("source: \"x\\nrules: [] #.txt\"\n"), "{draft}");
        assert!(draft.starts_with("# Drafted by `fwevents doc-import` from x\\nrules: [] #.txt."), "{draft}");
        assert!(!draft.lines().any(|l| l.starts_with("rules:")), "{draft}");
        let draft = import(&page, "onThing", "acme", "acme-onThing #rules: [].txt");
        assert!(draft.contains("source: 'acme-onThing #rules: [].txt'\n"), "{draft}");
        lints(&draft);
    }

    #[test]
    fn the_attribute_at_the_end_of_a_line_is_found_in_one_pass() {
        assert_eq!(attribute_at_end("- actorobject"), Some(("", 0, ("actor", "object"))));
        assert_eq!(attribute_at_end("  • social_profilesarray of objects"), Some(("", 2, ("social_profiles", "array of objects"))));
        assert_eq!(
            attribute_at_end("Possible values: true, false - org_actor_idstring"),
            Some(("Possible values: true, false", 29, ("org_actor_id", "string")))
        );
        assert_eq!(attribute_at_end("a sentence-idstring"), None);
        assert_eq!(attribute_at_end("- x y array of objects"), None);
        // A line of many bullets, none of them an attribute but the last.
        let long = format!("{}- idstring", "- - ".repeat(100_000));
        assert_eq!(attribute_at_end(&long).map(|(_, _, t)| t), Some(("id", "string")));
    }

    #[test]
    fn control_characters_on_a_page_are_kept_as_escapes_and_the_draft_lints() {
        let text = "Attributes of the data object\n- actorobject\nInformation pertaining to the entity.\n- typestring\nWho. Possible values: agent, sys\u{0}tem\n- emailstring\nEmail\u{1b}[2J. The value of this attribute is null when the actor.type is sys\u{0}tem.\n- notestring\nA note\rnull when the x\r# is y.\n";
        let draft = draft_of(text);
        assert!(draft.contains("sys\\u{0}tem"), "{draft}");
        assert!(!draft.contains('\u{0}') && !draft.contains('\u{1b}') && !draft.contains('\r'), "{draft}");
        lints(&draft);
    }

    #[test]
    fn values_a_drafted_type_cannot_take_as_an_enum_are_kept_as_the_pages() {
        let text = "Attributes of the data object\n- idstring\nThe id. Possible values: a, b\n- created_atstring\nWhen. Possible values: now, later\n- countnumber\nHow many. Possible values: few, many\n- levelinteger\nThe level. Possible values: low, high\n- namestring\nThe name. Possible values: 1, 2\n- kindstring\nThe kind. Possible values: x, y\n";
        let draft = draft_of(text);
        assert!(draft.contains("doc: { type: string, values: [a, b] }"), "{draft}");
        assert!(draft.contains("doc: { values: [low, high] }"), "{draft}");
        assert!(draft.contains("enum: [x, y]"), "{draft}");
        lints(&draft);
    }

    #[test]
    fn a_value_listed_twice_or_below_zero_drafts_an_enum_that_lints() {
        let text = "Attributes of the data object\n- levelinteger\nThe level.\n-1: none\n0: low\n1: high\n1: high again\n- kindstring\nThe kind. Possible values: x, y, x\n";
        let draft = draft_of(text);
        assert!(draft.contains("{ value: -1, name: TODO_minus_1 }"), "{draft}");
        assert_eq!(draft.matches("{ value: 1, name: TODO_1 }").count(), 1, "{draft}");
        assert!(draft.contains("enum: [x, y]\n"), "{draft}");
        lints(&draft);
    }

    #[test]
    fn names_that_differ_only_in_case_are_one_attribute() {
        let text = "Attributes of the data object\n- phonestring\nThe phone.\n- Phonestring\nThe phone again.\n";
        let draft = draft_of(text);
        assert_eq!(draft.matches("  phone:\n").count(), 1, "{draft}");
        lints(&draft);
    }
}
