#!/usr/bin/env bash
# Seeds the fuzz corpora from the repository and the shared source material. The corpora
# grow while fuzzing and are not committed (see .gitignore); rerun this on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")"
shared=../../shared
mkdir -p corpus/spec corpus/docpage corpus/payload
find ../spec -name '*.yaml' | while read -r f; do cp "$f" "corpus/spec/$(echo "${f#../spec/}" | tr / _)"; done
[ -d "$shared/docs" ] && cp "$shared"/docs/*.txt corpus/docpage/
[ -d "$shared/payloads" ] && cp "$shared"/payloads/*.json corpus/payload/
echo "seeded: $(ls corpus/spec | wc -l) spec, $(ls corpus/docpage | wc -l) page, $(ls corpus/payload | wc -l) payload files"
