// documented says which values beyond the list occur; it needs open.
use freshworks_events_derive::Enum;

#[derive(Enum)]
#[fw(documented)]
pub enum Status {
    #[fw("online")]
    Online,
}

fn main() {}
