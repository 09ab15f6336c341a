// Object is derived for structs.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
pub union Thing {
    pub a: u8,
    pub b: u16,
}

fn main() {}
