// Format, id and fake names become runtime variants: snake_case only.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
pub struct Thing {
    #[fw(forms = "epoch-millis", fake = "FirstName")]
    pub name: Field<u8>,
    pub unknown_fields: UnknownFields,
}

fn main() {}
