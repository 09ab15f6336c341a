// A flag takes no value.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
#[fw(payload = true)]
pub struct Thing {
    #[fw(utc = true)]
    pub name: Field<u8>,
    pub unknown_fields: UnknownFields,
}

fn main() {}
