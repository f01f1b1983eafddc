#!/usr/bin/env bash
# Writes scripts/jargon-phrases.txt, the phrase list ripgrep is timed with in scripts/bench.sh:
# 88 multi-word jargon forms per language (en, fr, ru, uk), 352 in all, one per line, taken
# from `brieflint dict export --terms --lang L` at evenly spaced places in byte order, so the
# same dictionaries always give the same list and every part of the alphabet is represented.
# The list is committed and kept as is while the dictionaries change, so that ripgrep's side
# of the comparison stays the same from one benchmark to the next; rerun this only on purpose.
#
#   scripts/jargon-phrases.sh [BRIEFLINT]    # default target/release/brieflint
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/brieflint}
per_lang=88
out=scripts/jargon-phrases.txt

for lang in en fr ru uk; do
    "$bin" dict export --terms --lang "$lang" | grep ' ' | LC_ALL=C sort -u |
        awk -v k="$per_lang" -v lang="$lang" '
            { form[NR] = $0 }
            END {
                if (NR < k) { print lang ": only " NR " multi-word forms" > "/dev/stderr"; exit 1 }
                for (i = 0; i < k; i++) print form[int(i * NR / k) + 1]
            }'
done >"$out.tmp"
count=$(LC_ALL=C sort -u "$out.tmp" | wc -l)
if [ "$count" -ne $((4 * per_lang)) ]; then
    echo "jargon-phrases.sh: $count distinct phrases, not $((4 * per_lang)): a form is in two languages" >&2
    rm "$out.tmp"
    exit 1
fi
mv "$out.tmp" "$out"
echo "wrote $count phrases to $out"
