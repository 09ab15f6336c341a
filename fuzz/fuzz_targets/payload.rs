//! Payload bytes through the models: parse (dispatching, and as every event), validate in
//! both readings, serialize, and read the output back to the same value and bytes. Dispatch
//! must pick the event the last `event` and `domain` name, as serde_json's `Value` reads them.
//! The compiled validator must give the typed path's report (or error), violation for violation.
#![no_main]

use freshworks_events::{rt, Checked, Event, Mode, EVENTS, PRODUCTS};
use libfuzzer_sys::fuzz_target;

fn exercise(event: &Event, reread: impl Fn(&[u8]) -> Event) {
    let _ = event.validate(Mode::Lenient);
    let _ = event.validate(Mode::Strict);
    let bytes = serde_json::to_vec(event).expect("a parsed payload serializes");
    let again = reread(&bytes);
    assert_eq!(&again, event, "a round trip changed the payload");
    assert_eq!(serde_json::to_vec(&again).expect("serializes"), bytes, "a second round trip changed the bytes");
}

fn typed(parsed: Result<Event, freshworks_events::Error>, mode: Mode) -> Result<Checked, freshworks_events::Error> {
    parsed.map(|e| match e {
        Event::Unknown(u) => Checked::Unknown(u),
        e => Checked::Known { event: e.info(), report: e.validate(mode) },
    })
}

fuzz_target!(|data: &[u8]| {
    for mode in [Mode::Lenient, Mode::Strict] {
        assert_eq!(Event::validate_slice(data, mode), typed(Event::parse(data), mode), "the compiled validator disagrees");
        for index in 0..EVENTS.len() {
            assert_eq!(
                Event::validate_slice_as(index, data, mode),
                typed(Event::parse_as(index, data), mode),
                "the compiled validator disagrees as event {index}"
            );
        }
    }
    if let Ok(event) = Event::parse(data) {
        if let Ok(v) = serde_json::from_slice::<serde_json::Value>(data) {
            let named = rt::identify(v["event"].as_str(), v["domain"].as_str(), PRODUCTS, EVENTS).ok();
            let read = event.info().and_then(|i| EVENTS.iter().position(|e| e.qualified() == i.qualified()));
            if !matches!(event, Event::Unknown(_)) {
                assert_eq!(read, named, "dispatch disagrees with the payload's last event and domain");
            }
        }
        exercise(&event, |b| Event::parse(b).expect("written payloads read back"));
    }
    for index in 0..EVENTS.len() {
        if let Ok(event) = Event::parse_as(index, data) {
            exercise(&event, |b| Event::parse_as(index, b).expect("written payloads read back"));
        }
    }
});
