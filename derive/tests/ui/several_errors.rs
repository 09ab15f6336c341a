// Every mistake of a declaration is reported in one build, each at its tokens.
use freshworks_events_derive::Object;

pub struct Field<T>(pub T);
#[derive(Default)]
pub struct UnknownFields;

#[derive(Object)]
#[fw(paylod)]
pub struct Thing {
    #[fw(wire = 1, strict = "always", utc, utc)]
    pub name: Field<u8>,
    #[fw(fake = "email", lenient = "any", bogus(x, y), id = "string", forms = "iso8601")]
    pub other: Field<u8>,
    pub nothing: u8,
}

fn main() {}
