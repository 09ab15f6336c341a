// Values are unit variants with one wire form, all strings or all integers, each once.
use freshworks_events_derive::Enum;

#[derive(Enum)]
pub enum Status {
    #[fw("online")]
    Online,
    #[fw(2)]
    Away,
    #[fw("online")]
    Again,
    Missing,
    #[fw("held")]
    Held(u8),
    #[fw(1.5)]
    Half,
}

fn main() {}
