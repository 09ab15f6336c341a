// A presence is a string, not a name.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
pub struct Thing {
    #[fw(strict = required)]
    pub name: Field<u8>,
    pub unknown_fields: UnknownFields,
}

fn main() {}
