// A key that takes a value, given none.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
pub struct Thing {
    #[fw(wire)]
    pub name: Field<u8>,
    pub unknown_fields: UnknownFields,
}

fn main() {}
