//! The strict reading's conditional nulls as types.
//!
//! An attribute that a `null` rule lets be null only while a condition holds ("null when
//! actor.type is system") is `T | null` in the object type that declares it, which other
//! events may share. The event's `Data` says when: it is that object (`DataBase`)
//! intersected with one union per set of attributes the same rules name, a case for each
//! rule's condition holding (the rule is then in force, and the attributes are null, as the
//! validator and the strict JSON Schema require) and one for none holding (they are not):
//!
//! ```ts
//! export type Data = DataBase & (
//!   | { actor: { type: "system"; email: null } }
//!   | { actor: { type: Exclude<Types.ActorType, "system">; email: string } }
//! );
//! ```
//!
//! A condition holds as the validator reads it: every attribute on its path is there and
//! not null, and the value is one of the listed ones (`equals`, `in`) or none of them
//! (`not_in`). The case where it does not hold gives the condition's attribute its strict
//! presence and the values the condition leaves out. For a closed enum or a boolean those
//! are exactly the other values (`Exclude<T, ...>`), and the union is exact. For `string`,
//! a number, an id or an enum the page documents as open, a type cannot take values out of
//! the rest, so that case gives the attribute its whole type: the union still refuses a
//! null where the condition does not hold, but takes a value where it holds, and `!==`
//! does not narrow. A `not_in` condition on such a type cannot be written at all ("none of
//! these" of a `string`); its attributes, like those of a rule on the items of an array
//! (`tags[]`), of a rule whose condition and attributes overlap, and of rules past
//! [`MAX_COMBINATIONS`], stay `T | null` and the validator checks the condition. `Data`'s
//! TSDoc says which are which.
//!
//! A type shared by several events is `T | null` where any of them has such a rule, so an
//! event whose rules do not name the attribute says it is not null there: its `Data` is
//! also intersected with those attributes as `T` (`& { agent_custom_status: {
//! custom_status_id: string } }`), through objects and arrays of objects; not inside a
//! map's values or below a type that holds itself, which stay `T | null`.

use super::syntax::{base_name, prop_name, ts_literal};
use crate::ir::{CondOp, Event, Field, IdForm, Ir, Literal, ModuleId, Path, Rule, Ty, TypeId, TypeKind};
use crate::resolve::condition_text;

/// What the null cases need of the emitter: the IR, and how it writes an attribute's type.
pub(super) trait Types {
    fn ir(&self) -> &Ir;
    /// Whether the reading lets the attribute be null by itself.
    fn nullable(&self, f: &Field) -> bool;
    /// The attribute's type as the reading writes it, from the module `here`.
    fn ty(&self, here: ModuleId, ty: &Ty, f: &Field) -> String;
}

/// Width up to which a branch's object is written on one line.
const LINE: usize = 100;

/// The most combinations of cases one `Data` holds. TypeScript distributes an intersection
/// over unions, so `Data` stands for the product of its unions' sizes; past 100,000 it
/// refuses the type. A union that would go beyond this is left to the validator.
const MAX_COMBINATIONS: usize = 4096;

/// What the strict `Data` of an event says beyond its attributes.
pub(super) struct StrictData {
    /// The unions `Data` intersects its base with, each a list of cases.
    unions: Vec<Vec<Vec<Member>>>,
    /// The attributes that are not null in this event though their shared type lets them
    /// be null for another event's rule.
    never_null: Vec<Member>,
    /// TSDoc lines: what each union says, and what is left to the validator.
    pub(super) doc: Vec<String>,
}

impl StrictData {
    /// Whether `Data` is more than its attributes.
    pub(super) fn is_empty(&self) -> bool {
        self.unions.is_empty() && self.never_null.is_empty()
    }

    /// `export type Data = Base & (...) & (...);` at `depth`.
    pub(super) fn declaration(&self, name: &str, base: &str, depth: usize) -> String {
        let pad = "  ".repeat(depth);
        let mut s = format!("{pad}export type {name} = {base}");
        for cases in &self.unions {
            s.push_str(" & (\n");
            for case in cases {
                s.push_str(&format!("{pad}  | {}\n", object(case, depth + 1)));
            }
            s.push_str(&format!("{pad})"));
        }
        if !self.never_null.is_empty() {
            s.push_str(&format!(" & {}", object(&self.never_null, depth)));
        }
        s.push_str(";\n");
        s
    }
}

/// One attribute of a case: the path down to what the case says, as an object type that
/// names only those attributes (the base it is intersected with has the rest).
struct Member {
    wire: String,
    optional: bool,
    nullable: bool,
    /// The attribute is an array and the case speaks of its items.
    each: bool,
    inner: Inner,
}

enum Inner {
    /// The types of a condition's attribute or of a rule's target; several conditions on
    /// one attribute intersect.
    Leaf {
        types: Vec<String>,
        target: bool,
    },
    Object(Vec<Member>),
}

/// What a case says of one attribute at the end of a path.
struct Leaf {
    ty: String,
    optional: bool,
    nullable: bool,
    target: bool,
}

/// The attributes that the same conditional `null` rules name.
struct Group<'a> {
    rules: Vec<&'a Rule>,
    targets: Vec<&'a Path>,
}

/// The conditional nulls of an event's strict `Data`.
pub(super) fn strict_data(w: &dyn Types, event: &Event) -> StrictData {
    let base = base_name(&w.ir().ty(event.data).name);
    let mut out = StrictData { unions: Vec::new(), never_null: Vec::new(), doc: Vec::new() };
    let mut expressed = Vec::new();
    let mut left = Vec::new();
    let mut loose = Vec::new();
    let mut combinations = 1usize;
    for group in groups(w, event) {
        let names: Vec<String> = group.targets.iter().map(|p| format!("`{}`", p.text)).collect();
        let when: Vec<String> = group
            .rules
            .iter()
            .map(|r| format!("when {} (rule `{}`)", r.when.as_ref().map(condition_text).unwrap_or_default(), r.id))
            .collect();
        let line = format!("{}: null only {}", names.join(", "), when.join(" or "));
        match union(w, event, &group) {
            Ok((cases, _)) if combinations.saturating_mul(cases.len()) > MAX_COMBINATIONS => {
                left.push(format!("- {line}: more cases than one type combines ({MAX_COMBINATIONS} at most)."));
            }
            Ok((cases, wide)) => {
                combinations *= cases.len();
                out.unions.push(cases);
                expressed.push(format!("- {line}."));
                loose.extend(wide);
            }
            Err(why) => left.push(format!("- {line}: {why}.")),
        }
    }
    if !expressed.is_empty() {
        out.doc.push(format!(
            "Strict reading: `{base}` and, for each set of attributes that `null` rules let be null under a condition, \
             a union of the cases: a rule's condition holds and they are null (the rule requires it), or none holds and \
             they are not:"
        ));
        out.doc.extend(expressed);
    }
    if !loose.is_empty() {
        if !out.doc.is_empty() {
            out.doc.push(String::new());
        }
        out.doc.push(
            "Where a condition's attribute is not a closed set of values, a type cannot take the condition's values out \
             of it, so the case where the condition does not hold gives the attribute its whole type: the union refuses \
             a null where the condition does not hold, but takes a value where it holds, and comparing the attribute \
             with `!==` does not narrow the others to not null:"
                .into(),
        );
        out.doc.extend(loose);
    }
    if !left.is_empty() {
        if !out.doc.is_empty() {
            out.doc.push(String::new());
        }
        out.doc.push("Not expressed here (the attributes stay nullable; the validator checks the condition):".into());
        out.doc.extend(left);
    }
    let mut names = Vec::new();
    out.never_null = never_null(w, event, &mut names);
    if !names.is_empty() {
        if !out.doc.is_empty() {
            out.doc.push(String::new());
        }
        out.doc.push(format!(
            "Not null in this event, though their shared type lets them be null for another event's `null` rule: {}.",
            names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
        ));
    }
    out
}

/// An attribute path as the steps it takes: each attribute's name and whether it goes into
/// the items of an array.
type Trail = Vec<(String, bool)>;

/// The attributes of the event's `data` that a type they share with other events lets be
/// null for another event's `null` rule (`Field::null_when`), but that no rule of this
/// event names: the validator refuses their null here, so `Data` says they are not null.
/// The walk goes through objects and arrays of objects, not into a map's values nor
/// around a type that holds itself (whose attributes below stay nullable).
fn never_null(w: &dyn Types, event: &Event, names: &mut Vec<String>) -> Vec<Member> {
    let named: Vec<Trail> = event
        .rules
        .iter()
        .filter_map(|r| match &r.check {
            crate::ir::Check::Null(paths) => Some(paths),
            _ => None,
        })
        .flatten()
        .map(|p| {
            let mut trail: Trail = p.steps.iter().map(|s| (s.wire.clone(), s.each)).collect();
            // A rule on `tags[]` makes `tags` itself nullable (`Field::null_when`).
            if let Some(last) = trail.last_mut() {
                last.1 = false;
            }
            trail
        })
        .collect();
    let mut trail = Vec::new();
    let mut stack = vec![event.data];
    walk(w, event.module, event.data, &named, &mut trail, &mut stack, names)
}

fn walk(
    w: &dyn Types,
    here: usize,
    owner: TypeId,
    named: &[Trail],
    trail: &mut Trail,
    stack: &mut Vec<TypeId>,
    names: &mut Vec<String>,
) -> Vec<Member> {
    let object = |ty: &Ty| match ty {
        Ty::Named(id) if matches!(w.ir().ty(*id).kind, TypeKind::Object(_)) => Some(*id),
        _ => None,
    };
    let mut out = Vec::new();
    for f in w.ir().fields(owner) {
        trail.push((f.wire.clone(), false));
        let narrow = !f.strict.nullable && !f.null_when.is_empty() && !named.contains(trail);
        if narrow {
            let text: Vec<String> = trail.iter().map(|(wire, each)| format!("{wire}{}", if *each { "[]" } else { "" })).collect();
            names.push(text.join("."));
        }
        let (inner, each) = match &f.ty {
            Ty::Array(item) => (object(item), true),
            ty => (object(ty), false),
        };
        let mut members = Vec::new();
        if let Some(id) = inner.filter(|id| !stack.contains(id)) {
            if let Some(last) = trail.last_mut() {
                last.1 = each;
            }
            stack.push(id);
            members = walk(w, here, id, named, trail, stack, names);
            stack.pop();
        }
        trail.pop();
        let optional = f.strict.optional;
        if !members.is_empty() {
            let nullable = !narrow && w.nullable(f);
            out.push(Member { wire: f.wire.clone(), optional, nullable, each, inner: Inner::Object(members) });
        } else if narrow {
            let inner = Inner::Leaf { types: vec![w.ty(here, &f.ty, f)], target: true };
            out.push(Member { wire: f.wire.clone(), optional, nullable: false, each: false, inner });
        }
    }
    out
}

/// The targets of the event's conditional `null` rules, grouped by the rules that name
/// them, in rule order. Only attributes that are not nullable by themselves have a
/// condition to state, and one that a rule without a condition names is null whatever holds.
fn groups<'a>(w: &'a dyn Types, event: &'a Event) -> Vec<Group<'a>> {
    // Each target with the rules that name it, and whether one of them has no condition.
    let mut targets: Vec<(&Path, Vec<&Rule>, bool)> = Vec::new();
    for rule in &event.rules {
        let crate::ir::Check::Null(paths) = &rule.check else { continue };
        for path in paths {
            let Some(fields) = fields_along(w, event.data, path) else { continue };
            if fields.last().is_none_or(|f| f.strict.nullable) {
                continue;
            }
            let i = match targets.iter().position(|(p, ..)| p.text == path.text) {
                Some(i) => i,
                None => {
                    targets.push((path, Vec::new(), false));
                    targets.len() - 1
                }
            };
            match &rule.when {
                Some(_) if !targets[i].1.iter().any(|r| r.id == rule.id) => targets[i].1.push(rule),
                Some(_) => {}
                None => targets[i].2 = true,
            }
        }
    }
    let mut groups: Vec<Group<'a>> = Vec::new();
    for (path, rules, always) in targets {
        if always {
            continue;
        }
        let ids = |rules: &[&Rule]| rules.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        match groups.iter_mut().find(|g| ids(&g.rules) == ids(&rules)) {
            Some(g) => g.targets.push(path),
            None => groups.push(Group { rules, targets: vec![path] }),
        }
    }
    groups
}

/// The cases of one group: one per rule's condition holding, then none holding; with the
/// doc lines of conditions whose other values are typed whole. Or why the group cannot be
/// written.
fn union(w: &dyn Types, event: &Event, group: &Group<'_>) -> Result<(Vec<Vec<Member>>, Vec<String>), String> {
    let here = event.module;
    let mut cases = Vec::new();
    let mut none_holds = Vec::new();
    let mut wide = Vec::new();
    for target in &group.targets {
        if target.steps.last().is_some_and(|s| s.each) {
            return Err(format!("{} names the items of an array, which are never null", target.text));
        }
    }
    for rule in &group.rules {
        let Some(when) = &rule.when else { continue };
        let fields = fields_along(w, event.data, &when.path).ok_or_else(|| format!("{} is not found", when.path.text))?;
        let f = fields[fields.len() - 1];
        let (holds, others) = condition_types(w, here, f, &when.op)?;
        if !closed(w, f) {
            wide.push(format!("- `{}` (rule `{}`): `{others}` where it is not {}.", when.path.text, rule.id, listed_words(&when.op)));
        }
        let mut case = Vec::new();
        insert(&mut case, &when.path, &fields, Leaf { ty: holds, optional: false, nullable: false, target: false }, true)?;
        for target in &group.targets {
            add_target(w, event, &mut case, target, true)?;
        }
        cases.push(case);
        let leaf = Leaf { ty: others, optional: f.strict.optional, nullable: w.nullable(f), target: false };
        insert(&mut none_holds, &when.path, &fields, leaf, false)?;
    }
    for target in &group.targets {
        add_target(w, event, &mut none_holds, target, false)?;
    }
    cases.push(none_holds);
    Ok((cases, wide))
}

fn listed_words(op: &CondOp) -> String {
    let list = |ls: &[Literal]| ls.iter().map(|l| l.to_string()).collect::<Vec<_>>().join(", ");
    match op {
        CondOp::Equals(l) => l.to_string(),
        CondOp::In(ls) => format!("one of {}", list(ls)),
        CondOp::NotIn(ls) => format!("none of {}", list(ls)),
    }
}

/// A target in a case: `null` while a condition holds (the rule is in force and requires
/// it), `T` when none does.
fn add_target(w: &dyn Types, event: &Event, case: &mut Vec<Member>, target: &Path, holds: bool) -> Result<(), String> {
    let fields = fields_along(w, event.data, target).ok_or_else(|| format!("{} is not found", target.text))?;
    let f = fields[fields.len() - 1];
    let ty = if holds { "null".to_string() } else { w.ty(event.module, &f.ty, f) };
    insert(case, target, &fields, Leaf { ty, optional: f.strict.optional, nullable: false, target: true }, false)
}

/// The fields a path goes through, from `data`.
fn fields_along<'a>(w: &'a dyn Types, data: TypeId, path: &Path) -> Option<Vec<&'a Field>> {
    let mut owner = data;
    let mut out = Vec::new();
    for (i, step) in path.steps.iter().enumerate() {
        let f = w.ir().fields(owner).iter().find(|f| f.wire == step.wire)?;
        out.push(f);
        if i + 1 < path.steps.len() {
            let ty = match (&step.ty, step.each) {
                (Ty::Array(item), true) => item.as_ref(),
                (ty, _) => ty,
            };
            owner = match ty {
                Ty::Named(id) => *id,
                _ => return None,
            };
        }
    }
    Some(out)
}

/// Whether the attribute's strict type is a closed set of values, which `Exclude` can take
/// values out of.
fn closed(w: &dyn Types, f: &Field) -> bool {
    match &f.ty {
        Ty::Boolean => true,
        Ty::Named(id) => match &w.ir().ty(*id).kind {
            // The strict reading closes an open enum unless the page documents other values.
            TypeKind::Enum(e) => !e.documented,
            TypeKind::Object(_) => false,
        },
        _ => false,
    }
}

/// The condition's attribute where the condition holds and where it does not.
fn condition_types(w: &dyn Types, here: usize, f: &Field, op: &CondOp) -> Result<(String, String), String> {
    let lits: &[Literal] = match op {
        CondOp::Equals(l) => std::slice::from_ref(l),
        CondOp::In(ls) | CondOp::NotIn(ls) => ls,
    };
    let mut listed: Vec<String> = Vec::new();
    for l in lits {
        let ts = literal_for(f, l).ok_or_else(|| format!("the condition compares an id documented as an integer with {l}"))?;
        if !listed.contains(&ts) {
            listed.push(ts);
        }
    }
    let ty = w.ty(here, &f.ty, f);
    let closed = closed(w, f);
    let others = match &f.ty {
        // The other boolean, written out.
        Ty::Boolean => {
            let rest: Vec<&str> = ["true", "false"].into_iter().filter(|b| !listed.iter().any(|l| l == b)).collect();
            if rest.is_empty() {
                "never".to_string()
            } else {
                rest.join(" | ")
            }
        }
        _ if closed => format!("Exclude<{ty}, {}>", listed.join(" | ")),
        _ => ty.clone(),
    };
    let listed = listed.join(" | ");
    match op {
        CondOp::Equals(_) | CondOp::In(_) => Ok((listed, others)),
        CondOp::NotIn(_) if closed => Ok((others, listed)),
        CondOp::NotIn(_) => Err(format!("a type cannot take values out of `{ty}`")),
    }
}

/// A condition's value as the attribute's strict type writes it: an id in its documented
/// form (the validator takes 132 and "132" for the same id), anything else as it is.
fn literal_for(f: &Field, l: &Literal) -> Option<String> {
    match (&f.ty, l) {
        (Ty::Id, Literal::Str(s)) if f.id_form == Some(IdForm::Integer) => {
            s.parse::<i64>().ok().filter(|n| n.to_string() == *s).map(|n| n.to_string())
        }
        (Ty::Id, Literal::Int(n)) if f.id_form != Some(IdForm::Integer) => Some(ts_literal(&Literal::Str(n.to_string()))),
        _ => Some(ts_literal(l)),
    }
}

/// Adds what a case says of the attribute at the end of `path`. The attributes on the way
/// are there and not null where the case's condition needs them (`required`), and have
/// their strict presence otherwise (an absent attribute has nothing to hold).
fn insert(members: &mut Vec<Member>, path: &Path, fields: &[&Field], leaf: Leaf, required: bool) -> Result<(), String> {
    let overlap = || format!("{} is both a condition and an attribute the rules let be null", path.text);
    let mut level = members;
    let last = path.steps.len() - 1;
    for (i, (step, f)) in path.steps.iter().zip(fields).enumerate() {
        let (optional, nullable) = if i == last {
            (leaf.optional, leaf.nullable)
        } else {
            (!required && f.strict.optional, !required && (f.strict.nullable || !f.null_when.is_empty()))
        };
        let at = match level.iter().position(|m| m.wire == step.wire) {
            Some(at) => {
                let m = &mut level[at];
                m.optional &= optional;
                m.nullable &= nullable;
                at
            }
            None => {
                let inner = if i == last { Inner::Leaf { types: Vec::new(), target: leaf.target } } else { Inner::Object(Vec::new()) };
                level.push(Member { wire: step.wire.clone(), optional, nullable, each: step.each, inner });
                level.len() - 1
            }
        };
        match (&mut level[at].inner, i == last) {
            (Inner::Leaf { types, target }, true) if !*target && !leaf.target => {
                types.push(leaf.ty);
                return Ok(());
            }
            (Inner::Leaf { types, .. }, true) if types.is_empty() => {
                types.push(leaf.ty);
                return Ok(());
            }
            (Inner::Object(inner), false) => level = inner,
            _ => return Err(overlap()),
        }
    }
    Ok(())
}

/// An object type of a case, on one line when it fits, else an attribute a line, the
/// closing brace at `depth`.
fn object(members: &[Member], depth: usize) -> String {
    let one = inline(members);
    if depth * 2 + 2 + one.len() <= LINE {
        return one;
    }
    let pad = "  ".repeat(depth);
    let mut s = String::from("{\n");
    for m in members {
        s.push_str(&format!("{pad}  {};\n", member(m, Some(depth + 1))));
    }
    s.push_str(&format!("{pad}}}"));
    s
}

/// `{ a: T; b: U }`.
fn inline(members: &[Member]) -> String {
    format!("{{ {} }}", members.iter().map(|m| member(m, None)).collect::<Vec<_>>().join("; "))
}

/// `name?: type` of one attribute; nested objects on one line (`None`) or laid out at a depth.
fn member(m: &Member, depth: Option<usize>) -> String {
    let mut ty = match &m.inner {
        Inner::Leaf { types, .. } if types.len() == 1 => types[0].clone(),
        Inner::Leaf { types, .. } => types.iter().map(|t| format!("({t})")).collect::<Vec<_>>().join(" & "),
        Inner::Object(inner) => match depth {
            Some(d) => object(inner, d),
            None => inline(inner),
        },
    };
    if m.each {
        ty.push_str("[]");
    }
    if m.nullable {
        ty.push_str(" | null");
    }
    format!("{}{}: {ty}", prop_name(&m.wire), if m.optional { "?" } else { "" })
}
