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

use std::collections::{BTreeSet, HashSet};

use crate::ir::Literal;
use crate::witness::Witness;

mod check;
mod guide;
mod import;
#[cfg(test)]
mod tests;

pub use check::{check, page_type, CheckReport, Finding};
pub use guide::{Guide, GuideNode};
pub use import::{import, MAX_DRAFT_INDENT};

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

impl Page {
    /// The paths the payloads show that the page does not list, outermost only
    /// (`agent.preferences`, not also `agent.preferences.x`), dotted.
    pub fn unlisted(&self, witness: &Witness) -> Vec<String> {
        let mut listed = BTreeSet::new();
        fn collect(attrs: &[PageAttr], prefix: &mut Vec<String>, out: &mut BTreeSet<Vec<String>>) {
            for a in attrs {
                prefix.push(a.name.to_lowercase());
                out.insert(prefix.clone());
                collect(&a.children, prefix, out);
                prefix.pop();
            }
        }
        collect(&self.attrs, &mut Vec::new(), &mut listed);
        let mut out: Vec<&[String]> = Vec::new();
        for p in witness.paths() {
            let parent_listed = p.len() == 1 || listed.contains(&p[..p.len() - 1]);
            if !listed.contains(p) && parent_listed {
                out.push(p);
            }
        }
        out.into_iter().map(|p| p.join(".")).collect()
    }
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
            Some(g) => g.depth_for(&attr.name, stack.iter().map(|open| &open.node)),
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
