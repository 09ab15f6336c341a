// An editor named as another field's setter.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
pub struct Thing {
    #[fw(editor = owner_with)]
    pub owner: Field<u8>,
    pub owner_with: Field<u8>,
    pub unknown_fields: UnknownFields,
}

fn main() {}
