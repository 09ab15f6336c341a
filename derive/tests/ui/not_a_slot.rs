// Every attribute is an rt::Field<T>; unknown attributes have their own field.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
pub struct Thing {
    pub name: String,
}

fn main() {}
