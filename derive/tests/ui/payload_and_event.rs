// The envelope and an event's data are two things.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
#[fw(payload, event(product = "acme", name = "onThing", domain = "acme.com", rules = RULES, kind = EventKind::AcmeOnThing))]
pub struct Envelope<D> {
    pub data: Field<D>,
    pub unknown_fields: UnknownFields,
}

fn main() {}
