// A key on the type that only a field takes.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
#[fw(wire = "thing")]
pub struct Thing {
    pub name: Field<u8>,
    pub unknown_fields: UnknownFields,
}

fn main() {}
