#!/usr/bin/env bash
# Seeds the fuzz corpora from the repository and the shared source material. The corpora
# grow while fuzzing and are not committed (see .gitignore); rerun this on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")"
shared=../../shared
mkdir -p corpus/spec corpus/docpage corpus/payload
find ../spec -name '*.yaml' | while read -r f; do cp "$f" "corpus/spec/$(echo "${f#../spec/}" | tr / _)"; done
# A docpage input starts with the byte that grows it (see fuzz_targets/docpage.rs): 0 is the
# page as it is.
if [ -d "$shared/docs" ]; then
    for f in "$shared"/docs/*.txt; do { printf '\0'; cat "$f"; } > "corpus/docpage/$(basename "$f")"; done
fi
[ -d "$shared/payloads" ] && cp "$shared"/payloads/*.json corpus/payload/
echo "seeded: $(ls corpus/spec | wc -l) spec, $(ls corpus/docpage | wc -l) page, $(ls corpus/payload | wc -l) payload files"
