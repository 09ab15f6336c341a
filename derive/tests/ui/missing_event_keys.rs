// event(...) without its domain and kind: both are reported.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
#[fw(event(product = "acme", name = "onThing", rules = RULES))]
pub struct Data {
    pub name: Field<u8>,
    pub unknown_fields: UnknownFields,
}

fn main() {}
