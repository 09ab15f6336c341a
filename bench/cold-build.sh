#!/bin/sh
# The cold debug build of a small consumer of the models, against the same types as plain
# `#[derive(Deserialize)]` (the "bare" types bench/build.rs writes). Each builds into a fresh
# target directory, ROUNDS times (3 unless set), the two interleaved so that a change in the
# machine's load falls on both. CPU seconds (user + sys of cargo and every compiler it
# runs) is the figure: on a shared machine wall time measures the neighbours.
# The last round of each leaves a `cargo build --timings` report, whose largest crates it
# lists.
# Run from bench/ after `cargo check --lib` (or `cargo bench --no-run`), which writes the
# bare types.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=${1:-$(mktemp -d)}
rounds=${ROUNDS:-3}
bare=$(ls -t "$here"/target/*/build/fwevents-bench-*/out/bare.rs | head -1)
# The builds must land in each consumer's own, fresh target directory.
unset CARGO_TARGET_DIR CARGO_BUILD_TARGET_DIR
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
# The bare consumer prints only one payload type; the rest of the types are not read.
{ echo '#![allow(dead_code)]'; sed -n '1,/^include!/p' "$here/src/lib.rs" | grep -v '^include!'; cat "$bare"; } > "$work/bare/src/types.rs"
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
    (cd "$work/$c" && cargo fetch -q)
done
round=1
while [ "$round" -le "$rounds" ]; do
    for c in bare models; do
        (cd "$work/$c" && rm -rf target &&
            /usr/bin/time -f "round $round $c: CPU %U s user + %S s sys, wall %e s" cargo build -q --offline --timings)
    done
    round=$((round + 1))
done
# The crates that took longest in the models' last build, from the timing report's data.
report="$work/models/target/cargo-timings/cargo-timing.html"
if command -v python3 >/dev/null; then
    python3 - "$report" <<'PY'
import json, re, sys
html = open(sys.argv[1]).read()
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);\n", html, re.S).group(1))
total = {}
for u in units:
    key = f'{u["name"]} {u["version"]}' + (" (build script)" if "build" in u.get("target", "") else "")
    total[key] = total.get(key, 0) + u["duration"]
whole = sum(total.values())
print(f"models, last round: {whole:.1f} s of compile units (not CPU: units overlap and wait)")
for name, secs in sorted(total.items(), key=lambda kv: -kv[1])[:12]:
    print(f"  {name:36} {secs:6.2f} s  {100 * secs / whole:4.1f}%")
PY
fi
echo "reports: $work/*/target/cargo-timings/cargo-timing.html"
