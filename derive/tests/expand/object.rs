// The input of the object snapshot (`object.expanded.rs`): an event's data with a field
// for every field attribute the derive reads, and a `self` attribute, whose Rust name and
// builder editor are the awkward ones.
#[derive(Debug, Clone, PartialEq, Default, rt::Object)]
#[fw(event(product = "acme", name = "onThing", domain = "acme.com", rules = RULES, kind = crate::EventKind::AcmeOnThing))]
pub struct Data {
    /// Who did it.
    #[fw(strict = "required", lenient = "any", editor = actor_with)]
    pub actor: rt::Field<Actor>,

    #[fw(wire = "self", strict = "nullable", lenient = "any", editor = self_with)]
    pub self_: rt::Field<Actor>,

    #[fw(strict = "required", lenient = "required", id = "string", example = "42", fake = "uuid")]
    pub id: rt::Field<rt::Id>,

    #[fw(strict = "optional", lenient = "optional", forms = "epoch_millis iso8601", utc)]
    pub at: rt::Field<rt::Timestamp>,

    #[fw(wire = "type", strict = "required", lenient = "any", example = -5)]
    pub r#type: rt::Field<i64>,

    #[fw(strict = "any", lenient = "any", example = "Jay", fake = "first_name")]
    pub name: rt::Field<rt::Text>,

    pub unknown_fields: rt::UnknownFields,
}
