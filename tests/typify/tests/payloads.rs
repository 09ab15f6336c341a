//! Reads every case of `$FWEVENTS_TYPIFY_DATA/cases.json` with typify's types of its event, in
//! both readings, and checks that each is accepted or refused as the case expects; what is
//! accepted must write back to the same JSON (nothing lost or changed on the way).

use serde_json::Value;

#[derive(serde::Deserialize)]
struct Case {
    id: String,
    /// `product/event`.
    event: String,
    payload: Value,
    lenient: bool,
    strict: bool,
}

#[test]
fn typify_types_accept_and_refuse_what_each_case_expects() {
    let data = std::env::var("FWEVENTS_TYPIFY_DATA").expect("FWEVENTS_TYPIFY_DATA names the folder tests/chain/schema_typify.rs writes");
    let text = std::fs::read_to_string(std::path::Path::new(&data).join("cases.json")).expect("cases.json");
    let cases: Vec<Case> = serde_json::from_str(&text).expect("cases.json holds cases");
    assert!(!cases.is_empty(), "no cases");
    let mut wrong = Vec::new();
    let (mut accepted, mut refused) = (0, 0);
    for case in &cases {
        let json = serde_json::to_string(&case.payload).unwrap();
        for (reading, expected) in [("lenient", case.lenient), ("strict", case.strict)] {
            let Some(outcome) = fwevents_typify_check::parse(reading, &case.event, &json) else {
                wrong.push(format!("{} ({reading}): no types for {}", case.id, case.event));
                continue;
            };
            match (outcome, expected) {
                (Ok(back), true) => {
                    accepted += 1;
                    if let Some(difference) = differs(&case.payload, &back, reading == "lenient", "") {
                        wrong.push(format!("{} ({reading}): written back differently at {difference}", case.id));
                    }
                }
                (Err(_), false) => refused += 1,
                (Ok(_), false) => wrong.push(format!("{} ({reading}): accepted, expected to be refused", case.id)),
                (Err(e), true) => wrong.push(format!("{} ({reading}): refused: {e}", case.id)),
            }
        }
    }
    assert!(wrong.is_empty(), "{} of {} readings wrong:\n{}", wrong.len(), cases.len() * 2, wrong.join("\n"));
    // tests/chain/schema_typify.rs looks for this line.
    println!("typify: {} cases, {accepted} readings accepted and {refused} refused as expected", cases.len());
}

/// Where `back` (a payload read and written by typify's types) departs from `original`: numbers
/// compare by value (a `number` comes back as a float), and an absent attribute equals null or an
/// empty object or array (typify leaves out an optional `None`, map or list that is empty). With `lenient`, attributes the schema does not list may
/// be dropped (typify keeps only what a struct names).
fn differs(original: &Value, back: &Value, lenient: bool, at: &str) -> Option<String> {
    match (original, back) {
        (Value::Number(a), Value::Number(b)) => (a.as_f64() != b.as_f64()).then(|| at.to_string()),
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Some(at.to_string());
            }
            a.iter().zip(b).enumerate().find_map(|(i, (a, b))| differs(a, b, lenient, &format!("{at}/{i}")))
        }
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                let path = format!("{at}/{k}");
                match b.get(k) {
                    Some(vb) => {
                        if let Some(d) = differs(va, vb, lenient, &path) {
                            return Some(d);
                        }
                    }
                    None if lenient || empty(va) => {}
                    None => return Some(path),
                }
            }
            b.iter().find(|(k, v)| !a.contains_key(*k) && !empty(v)).map(|(k, _)| format!("{at}/{k} (added)"))
        }
        (a, b) => (a != b).then(|| at.to_string()),
    }
}

fn empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Object(m) => m.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}
