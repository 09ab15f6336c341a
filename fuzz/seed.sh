#!/usr/bin/env bash
# Seeds the fuzz corpora from the repository and the shared source material. The corpora
# grow while fuzzing and are not committed (see .gitignore); rerun this on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")"
shared=../../shared
mkdir -p corpus/spec corpus/docpage corpus/payload corpus/tokens
find ../spec -name '*.yaml' | while read -r f; do cp "$f" "corpus/spec/$(echo "${f#../spec/}" | tr / _)"; done
# A docpage input starts with the byte that grows it (see fuzz_targets/docpage.rs): 0 is the
# page as it is.
if [ -d "$shared/docs" ]; then
    for f in "$shared"/docs/*.txt; do { printf '\0'; cat "$f"; } > "corpus/docpage/$(basename "$f")"; done
fi
[ -d "$shared/payloads" ] && cp "$shared"/payloads/*.json corpus/payload/ && cp "$shared"/payloads/*.json corpus/tokens/
# Recipes for large payloads (see `expand` in fuzz_targets/payload.rs): 2,000 copies of a
# unit inside the real payloads' objects and arrays; distinct keys, one key repeated, items.
if [ -d "$shared/payloads" ]; then
  for f in "$shared"/payloads/*.json; do
    name=$(basename "$f" .json)
    for place in 0 1 2 3 4; do
      for unit in 'distinct:"k#":1,' 'repeated:"k":[#],' 'items:1,'; do
        { printf '\xfe\xd0\x07'; printf "\\x$(printf %02x "$place")"; tr -d '\n' < "$f"; printf '\xff%s' "${unit#*:}"; } > "corpus/payload/recipe-$name-$place-${unit%%:*}"
      done
    done
  done
fi
echo "seeded: $(ls corpus/spec | wc -l) spec, $(ls corpus/docpage | wc -l) page, $(ls corpus/payload | wc -l) payload files"
