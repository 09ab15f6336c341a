// A key given twice, in one attribute or across two.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
pub struct Thing {
    #[fw(wire = "a", wire = "b")]
    #[fw(utc)]
    #[fw(utc)]
    pub name: Field<u8>,
    pub unknown_fields: UnknownFields,
}

fn main() {}
