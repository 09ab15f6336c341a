#!/bin/sh
# The cold debug build of a small consumer of the models, against the same types as plain
# `#[derive(Deserialize)]` (the "bare" types bench/build.rs writes). Each builds into a fresh
# target directory; prints wall and CPU seconds, and leaves `cargo build --timings` reports.
# Run from bench/ after `cargo bench --no-run` (which writes the bare types).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=${1:-$(mktemp -d)}
bare=$(ls -t "$here"/target/release/build/fwevents-bench-*/out/bare.rs | head -1)
mkdir -p "$work/models/src" "$work/bare/src"
cat > "$work/models/Cargo.toml" <<TOML
[package]
name = "consumer-models"
version = "0.1.0"
edition = "2021"

[workspace]

[dependencies]
freshworks-events = { path = "$here/../generated" }
TOML
cat > "$work/models/src/main.rs" <<'RS'
use std::io::Read;

use freshworks_events::{Event, Mode};

fn main() {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).unwrap();
    let event = Event::parse(&bytes).unwrap();
    println!("{} violation(s)", event.validate(Mode::Lenient).violations.len());
}
RS
cat > "$work/bare/Cargo.toml" <<'TOML'
[package]
name = "consumer-bare"
version = "0.1.0"
edition = "2021"

[workspace]

[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = "1"
TOML
{ sed -n '1,/^include!/p' "$here/src/lib.rs" | grep -v '^include!'; cat "$bare"; } > "$work/bare/src/types.rs"
cat > "$work/bare/src/main.rs" <<'RS'
use std::io::Read;

mod types;

fn main() {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).unwrap();
    let p: types::freshchat_on_agent_activity_create::Payload = serde_json::from_slice(&bytes).unwrap();
    println!("{p:?}");
}
RS
# The same dependency versions as the project's lock file.
cp "$here/../Cargo.lock" "$work/models/Cargo.lock"
cp "$here/../Cargo.lock" "$work/bare/Cargo.lock"
for c in bare models; do
    (cd "$work/$c" && cargo fetch -q && rm -rf target &&
        /usr/bin/time -f "$c: wall %e s, CPU %U s user + %S s sys" cargo build -q --timings)
done
echo "reports: $work/*/target/cargo-timings/cargo-timing.html"
