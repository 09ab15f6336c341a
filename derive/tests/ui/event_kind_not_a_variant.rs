// kind names the kind enum's variant, not the enum.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
#[fw(event(product = "acme", name = "onThing", domain = "acme.com", rules = RULES, kind = EventKind))]
pub struct Data {
    pub name: Field<u8>,
    pub unknown_fields: UnknownFields,
}

fn main() {}
