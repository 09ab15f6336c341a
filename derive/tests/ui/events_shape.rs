// The Event enum names its kind enum and envelope and keeps unknown events.
use freshworks_events_derive::Events;

#[derive(Events)]
#[fw(knd = EventKind)]
pub enum Event {
    Thing(Box<u8>),
    Other(u8),
}

fn main() {}
