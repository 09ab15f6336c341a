// Two fields that read one key.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
pub struct Thing {
    pub name: Field<u8>,
    #[fw(wire = "name")]
    pub other_name: Field<u8>,
    pub unknown_fields: UnknownFields,
}

fn main() {}
