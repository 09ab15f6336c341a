// A payload is generic over its data and holds it in `data`.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
#[fw(payload)]
pub struct Envelope {
    pub body: Field<u8>,
    pub unknown_fields: UnknownFields,
}

fn main() {}
