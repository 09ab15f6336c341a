// An example is a literal, not a path or a signed string.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
pub struct Thing {
    #[fw(example = DEFAULT)]
    pub name: Field<u8>,
    #[fw(example = -"five")]
    pub other: Field<u8>,
    pub unknown_fields: UnknownFields,
}

fn main() {}
