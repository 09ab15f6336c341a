#!/usr/bin/env bash
# Keeps the spec in step with the vendor's documentation pages.
#
#   scripts/update-from-pages.sh PAGES_DIR [DRAFTS_DIR [PAYLOADS_DIR]]
#
# PAGES_DIR holds pages saved as text, named <product>-<event>.txt. For each page whose
# event is in the spec, `fwevents doc-check` compares it with the spec; for each other page,
# `fwevents doc-import` drafts a spec file into DRAFTS_DIR/<product>/<event>.yaml (default
# DRAFTS_DIR: drafts). With PAYLOADS_DIR (real payloads: files, logs, or a folder of them),
# doc-import places the attributes of flat pages where those payloads have them, and reports
# the attributes they carry that a page does not list. Every draft is linted beside the spec,
# and the spec with the drafts
# added is compared with the spec (`fwevents diff --format markdown`). The whole report is
# printed as Markdown, ready for a pull request.
#
# Exit status: 0 when every page agrees with the spec and every draft lints clean, 1 when
# something needs a person (a difference, a draft to finish), 2 on a usage or tool error.
#
# Environment: SPEC (default spec) is the spec directory; FWEVENTS is the command to run
# (default `cargo run -q --bin fwevents --`, from the repository root).
set -euo pipefail

usage() {
    echo "usage: $0 PAGES_DIR [DRAFTS_DIR [PAYLOADS_DIR]]" >&2
    exit 2
}
[ $# -ge 1 ] && [ $# -le 3 ] || usage
pages=$1
drafts=${2:-drafts}
payload_args=()
if [ $# -eq 3 ]; then
    [ -e "$3" ] || { echo "error: the payloads $3 do not exist" >&2; exit 2; }
    payload_args=(--payloads "$3")
fi
spec=${SPEC:-spec}
[ -d "$pages" ] || { echo "error: $pages is not a directory" >&2; exit 2; }
[ -d "$spec" ] || { echo "error: the spec directory $spec does not exist (set SPEC)" >&2; exit 2; }

# The command line, as a word list: an installed binary or cargo.
if [ -n "${FWEVENTS:-}" ]; then
    read -r -a fwevents <<<"$FWEVENTS"
else
    fwevents=(cargo run -q --bin fwevents --)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The spec with the drafts added, for linting them and for the diff.
cp -R "$spec" "$work/spec"

attention=0
checked=""
drafted=""
shopt -s nullglob
page_files=("$pages"/*.txt)
[ ${#page_files[@]} -gt 0 ] || { echo "error: no pages (*.txt) in $pages" >&2; exit 2; }

for page in "${page_files[@]}"; do
    name=$(basename -- "$page" .txt)
    product=${name%%-*}
    event=${name#*-}
    # Both halves are plain names (as the spec's are): `-rf-x.txt` names no product, and
    # a name with a slash or a dot would make a path of its own.
    plain='^[A-Za-z][A-Za-z0-9_]*$'
    if [[ "$name" != *-* ]] || ! [[ "$product" =~ $plain ]] || ! [[ "$event" =~ $plain ]]; then
        echo "error: $page is not named <product>-<event>.txt (each a letter, then letters, digits or _)" >&2
        exit 2
    fi
    if [ -f "$spec/$product/$event.yaml" ]; then
        # doc-check exits 1 on differences, 2 on errors.
        status=0
        out=$("${fwevents[@]}" doc-check "$page" --event "$product/$event" --spec "$spec" --format markdown 2>"$work/stderr") || status=$?
        if [ "$status" -ge 2 ]; then
            cat "$work/stderr" >&2
            exit 2
        fi
        [ "$status" -eq 0 ] || attention=1
        checked+="$out"$'\n\n'
    else
        mkdir -p "$drafts/$product"
        draft="$drafts/$product/$event.yaml"
        "${fwevents[@]}" doc-import ${payload_args[@]+"${payload_args[@]}"} -- "$page" >"$draft" 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 2; }
        # What the payloads carry that the page does not list: for the person finishing it.
        unlisted=$(grep -c '^note: ' "$work/stderr" || true)
        mkdir -p "$work/spec/$product"
        cp "$draft" "$work/spec/$product/$event.yaml"
        todos=$(grep -c 'TODO' "$draft" || true)
        drafted+="- \`$draft\` from \`$(basename -- "$page")\`: $todos TODO(s) to finish, then move it to \`$spec/$product/$event.yaml\`."
        if [ ${#payload_args[@]} -gt 0 ]; then
            drafted+=" The payloads carry $unlisted attribute(s) the page does not list (not drafted)."
        fi
        drafted+=$'\n'
        attention=1
    fi
done

echo "# Spec update from saved pages"
echo
echo "## Pages of events in the spec"
echo
if [ -n "$checked" ]; then printf '%s' "$checked"; else echo "None."; echo; fi
echo "## New events drafted"
echo
if [ -n "$drafted" ]; then
    printf '%s' "$drafted"
    echo
    # The drafts must pass the checker beside the spec.
    lint_status=0
    lint=$("${fwevents[@]}" lint "$work/spec" 2>&1) || lint_status=$?
    if [ "$lint_status" -eq 0 ]; then
        echo "The drafts pass \`fwevents lint\` beside the spec."
    else
        attention=1
        echo "The drafts do not pass \`fwevents lint\` beside the spec:"
        echo
        echo '```'
        echo "${lint//$work\/spec/$spec}"
        echo '```'
    fi
    echo
    echo "## What the drafts change"
    echo
    diff_status=0
    "${fwevents[@]}" diff "$spec" "$work/spec" --format markdown 2>"$work/stderr" || diff_status=$?
    if [ "$diff_status" -ge 2 ]; then
        cat "$work/stderr" >&2
        exit 2
    fi
else
    echo "None."
fi
exit "$attention"
