// Object needs named fields.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
pub struct Thing(pub Field<u8>, pub UnknownFields);

fn main() {}
