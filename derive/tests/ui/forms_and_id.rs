// A field is a timestamp or an id, not both.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
pub struct Thing {
    #[fw(forms = "epoch_millis", id = "string")]
    pub at: Field<u8>,
    pub unknown_fields: UnknownFields,
}

fn main() {}
