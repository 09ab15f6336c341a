//! The intermediate representation: the spec with every name resolved, every type given a
//! Rust name and a module, presence settled for both readings and rules bound to attributes.
//! The emitters read only this; it holds nothing that cannot be turned into valid Rust.

pub use crate::model::{DocFacts, Literal, Presence, Quirk};

/// A type of the IR: an index into [`Ir::types`], which only the resolver makes, so that no
/// other number is taken for one by mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeId(pub(crate) usize);

impl TypeId {
    /// The position in [`Ir::types`].
    pub fn index(self) -> usize {
        self.0
    }
}

impl std::ops::Index<TypeId> for Vec<TypeDef> {
    type Output = TypeDef;
    fn index(&self, id: TypeId) -> &TypeDef {
        &self[id.0]
    }
}

impl std::ops::IndexMut<TypeId> for Vec<TypeDef> {
    fn index_mut(&mut self, id: TypeId) -> &mut TypeDef {
        &mut self[id.0]
    }
}
/// Index into [`Ir::modules`].
pub type ModuleId = usize;

#[derive(Debug, Clone)]
pub struct Ir {
    pub products: Vec<Product>,
    /// Module 0 is the shared `types` module; then one per event, in event order.
    pub modules: Vec<Module>,
    pub types: Vec<TypeDef>,
    pub events: Vec<Event>,
}

#[derive(Debug, Clone)]
pub struct Product {
    pub key: String,
    /// Rust identifier of the product module (`freshchat`).
    pub ident: String,
    /// Rust name of the product's variant in the `Product` enum (`Freshchat`).
    pub variant: String,
    pub title: String,
    pub domains: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Module {
    /// Path below the crate root, e.g. `["freshchat", "on_agent_activity_create"]`.
    pub path: Vec<String>,
    /// The spec file the module is generated from.
    pub source: String,
    /// Types defined in this module, in emission order.
    pub types: Vec<TypeId>,
}

#[derive(Debug, Clone)]
pub struct TypeDef {
    /// The Rust type name.
    pub name: String,
    pub module: ModuleId,
    /// Where the spec defines it, e.g. `types.ChatActor` or `data.agent_availability`.
    pub spec_path: String,
    pub description: String,
    pub kind: TypeKind,
}

#[derive(Debug, Clone)]
pub enum TypeKind {
    Object(Vec<Field>),
    Enum(Enum),
}

#[derive(Debug, Clone)]
pub struct Enum {
    pub repr: EnumRepr,
    /// Open enums keep values the spec does not list.
    pub open: bool,
    /// The page documents that values beyond the list occur (`open: documented`, e.g. "or
    /// the name of a custom status"): strict accepts them. An open enum without it is open
    /// only for values the vendor may add later, which strict reports.
    pub documented: bool,
    pub variants: Vec<Variant>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnumRepr {
    Str,
    Int,
}

#[derive(Debug, Clone)]
pub struct Variant {
    pub wire: Literal,
    pub ident: String,
    pub description: String,
}

/// An attribute of an object type.
#[derive(Debug, Clone)]
pub struct Field {
    pub wire: String,
    pub ident: String,
    pub ty: Ty,
    pub description: String,
    pub strict: Presence,
    pub lenient: Presence,
    pub doc: DocFacts,
    pub notes: Vec<String>,
    pub quirk: Option<String>,
    /// Timestamp forms accepted in strict mode.
    pub formats: Vec<TimestampForm>,
    /// The documented form of an `id`.
    pub id_form: Option<IdForm>,
    /// The page gives the timestamp "in the UTC format": strict refuses other offsets.
    pub utc: bool,
    /// Where the attribute, not nullable by itself, may be null because an event's `null`
    /// rule says so under a condition, in words (`onAgentActivityCreate: when actor.type
    /// is "system" (rule system-actor-has-no-profile)`). Strict allows null only then.
    pub null_when: Vec<String>,
    /// Dotted spec path of the attribute, e.g. `types.ChatActor.email`.
    pub spec_path: String,
    /// A realistic value for the default fixture and the docs.
    pub example: Option<Literal>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    String,
    Integer,
    Number,
    Boolean,
    Timestamp,
    Id,
    Any,
    Change(ChangeOrder),
    Array(Box<Ty>),
    Map(Box<Ty>),
    Named(TypeId),
    /// Stands in for a type the resolver could not resolve, so that checks further on do
    /// not report the same problem again. Never reaches an emitter: an IR with errors is
    /// discarded.
    Unresolved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeOrder {
    OldNew,
    NewOld,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub name: String,
    /// Index into [`Ir::products`].
    pub product: usize,
    pub module: ModuleId,
    /// Rust name of the event within its product (`OnAgentActivityCreate`); its variant in
    /// the `Event` and `EventKind` enums is the product's variant followed by this.
    pub variant: String,
    /// The envelope type, `Payload`.
    pub payload: TypeId,
    /// The `data` type, `Data`.
    pub data: TypeId,
    pub source: String,
    pub file: String,
    pub description: String,
    pub rules: Vec<Rule>,
    pub quirks: Vec<Quirk>,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub description: String,
    pub when: Option<Condition>,
    pub check: Check,
    pub strict_only: bool,
}

#[derive(Debug, Clone)]
pub struct Condition {
    pub path: Path,
    pub op: CondOp,
}

#[derive(Debug, Clone)]
pub enum CondOp {
    Equals(Literal),
    In(Vec<Literal>),
    NotIn(Vec<Literal>),
}

#[derive(Debug, Clone)]
pub enum Check {
    Null(Vec<Path>),
    Equals(Path, Literal),
    OneOf(Path, Vec<Literal>),
    Same(Path, Path),
    NotAfter(Path, Path),
    /// Every key of the map is one of these attribute names.
    KeysOf {
        map: Path,
        names: Vec<String>,
    },
}

/// An attribute path below `data`, resolved to the fields it goes through.
#[derive(Debug, Clone)]
pub struct Path {
    /// As written in the spec, e.g. `actor.social_profiles[].type`.
    pub text: String,
    pub steps: Vec<Step>,
    /// The type at the end of the path (an array's item type when the last step is `[]`).
    pub leaf: Ty,
}

#[derive(Debug, Clone)]
pub struct Step {
    pub wire: String,
    pub ident: String,
    pub ty: Ty,
    /// The step goes into every element of an array (`name[]`).
    pub each: bool,
}

impl Path {
    /// The object type that holds the path's last attribute, starting from `data`.
    pub fn owner(&self, data: TypeId) -> Option<TypeId> {
        let mut owner = data;
        for step in &self.steps[..self.steps.len().saturating_sub(1)] {
            let ty = match (&step.ty, step.each) {
                (Ty::Array(item), true) => item.as_ref(),
                (ty, _) => ty,
            };
            owner = match ty {
                Ty::Named(id) => *id,
                _ => return None,
            };
        }
        Some(owner)
    }

    pub fn has_each(&self) -> bool {
        self.steps.iter().any(|s| s.each)
    }
}

impl Ir {
    pub fn ty(&self, id: TypeId) -> &TypeDef {
        &self.types[id]
    }

    pub fn fields(&self, id: TypeId) -> &[Field] {
        match &self.types[id].kind {
            TypeKind::Object(fields) => fields,
            TypeKind::Enum(_) => &[],
        }
    }

    pub fn product_of(&self, event: &Event) -> &Product {
        &self.products[event.product]
    }

    /// `product/event`, the name used on the command line.
    pub fn qualified_name(&self, event: &Event) -> String {
        format!("{}/{}", self.products[event.product].key, event.name)
    }
}

/// A wire form of a timestamp, as the spec names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimestampForm {
    /// `2022-06-09T02:18:41Z`
    Iso8601,
    /// `2022-08-29 18:45:26 UTC`
    UtcText,
    /// Integer milliseconds since the epoch.
    EpochMillis,
    /// Seconds since the epoch, possibly with a fraction.
    EpochSeconds,
    /// Milliseconds since the epoch as a numeric string.
    EpochMillisString,
}

impl TimestampForm {
    /// Every form, in spec order.
    pub const ALL: [TimestampForm; 5] = [
        TimestampForm::Iso8601,
        TimestampForm::UtcText,
        TimestampForm::EpochMillis,
        TimestampForm::EpochSeconds,
        TimestampForm::EpochMillisString,
    ];
    /// The forms an attribute has when the spec names none: the text forms.
    pub const DEFAULT: [TimestampForm; 2] = [TimestampForm::Iso8601, TimestampForm::UtcText];

    /// The spec's name, e.g. `epoch_millis`.
    pub fn name(self) -> &'static str {
        match self {
            TimestampForm::Iso8601 => "iso8601",
            TimestampForm::UtcText => "utc_text",
            TimestampForm::EpochMillis => "epoch_millis",
            TimestampForm::EpochSeconds => "epoch_seconds",
            TimestampForm::EpochMillisString => "epoch_millis_string",
        }
    }

    /// The form the spec names `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }
}

impl std::fmt::Display for TimestampForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The documented JSON form of an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdForm {
    /// A JSON string.
    String,
    /// A JSON integer.
    Integer,
}

impl IdForm {
    /// `string` or `integer`, as the spec writes it.
    pub fn name(self) -> &'static str {
        match self {
            IdForm::String => "string",
            IdForm::Integer => "integer",
        }
    }
}

impl std::fmt::Display for IdForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
