// A key the grammar does not have.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
pub struct Thing {
    #[fw(wyre = "name")]
    pub name: Field<u8>,
    pub unknown_fields: UnknownFields,
}

fn main() {}
