#!/usr/bin/env bash
# Reproducible benchmark: brieflint against ripgrep on a generated corpus, same terms.
#
#   scripts/bench.sh                 # 2,000 files, 50 MB, seed 42, 5 runs each
#   FILES=20000 MB=50 RUNS=3 scripts/bench.sh
#
# Builds release, generates the corpus (examples/gen_corpus.rs), exports our jargon forms
# (`brieflint dict export --terms`) and times, median of RUNS:
#   brieflint check --format json          (all threads, 1 thread, 2 threads)
#   rg -F -i -c -f TERMS                   (the same forms, literal, case-insensitive)
# It prints MB/s and the ratios the targets are written in, peak RSS against
# 64 MB + 2 x the largest file, start-up on an empty file, and the peak RSS of a 200 MB
# one-line file. Nothing here is a pass/fail test: it measures.
set -euo pipefail
cd "$(dirname "$0")/.."

FILES=${FILES:-2000}
MB=${MB:-50}
SEED=${SEED:-42}
RUNS=${RUNS:-5}
WORK=${WORK:-target/bench}
mkdir -p "$WORK"

need() { command -v "$1" >/dev/null 2>&1; }
need rg || cargo install ripgrep --locked
[ -x /usr/bin/time ] || { echo "bench.sh needs GNU time (/usr/bin/time): apt-get install time" >&2; exit 2; }

cargo build --release --quiet
cargo build --release --quiet --example gen_corpus
bin=target/release/brieflint

corpus="$WORK/corpus-$FILES-$MB-$SEED"
if [ ! -d "$corpus" ]; then
    target/release/examples/gen_corpus --files "$FILES" --total-mb "$MB" --seed "$SEED" --out "$corpus"
fi
terms="$WORK/terms.txt"
"$bin" dict export --terms >"$terms"

bytes=$(find "$corpus" -type f -name '*.md' -printf '%s\n' | awk '{s += $1} END {print s}')
largest=$(find "$corpus" -type f -name '*.md' -printf '%s\n' | sort -n | tail -1)
files=$(find "$corpus" -type f -name '*.md' | wc -l)

# Runs "$@" RUNS times; prints "median_seconds max_rss_kb". Exit 1 (findings) is fine.
measure() {
    local times=() rss=0 out="$WORK/time.txt"
    for _ in $(seq "$RUNS"); do
        local code=0
        /usr/bin/time -f "%e %M" -o "$out" "$@" >/dev/null 2>"$WORK/stderr.txt" || code=$?
        if [ "$code" -gt 1 ]; then
            echo "failed ($code): $*" >&2
            cat "$WORK/stderr.txt" >&2
            exit 2
        fi
        read -r seconds kb < <(tail -n 1 "$out")
        times+=("$seconds")
        [ "$kb" -gt "$rss" ] && rss=$kb
    done
    printf "%s\n" "${times[@]}" | sort -g | awk -v rss="$rss" '{a[NR] = $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; print m, rss}'
}

mbps() { awk -v b="$bytes" -v s="$1" 'BEGIN {printf "%.1f", b / 1048576 / s}'; }

echo "machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo)"
echo "corpus:  $corpus: $files files, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}') MB, largest $((largest / 1024)) KB; $(wc -l <"$terms") terms; median of $RUNS runs"
echo

read -r rg_s rg_kb < <(measure rg -F -i -c -f "$terms" "$corpus")
read -r bl_s bl_kb < <(measure "$bin" check --format json "$corpus")
read -r t1_s t1_kb < <(measure "$bin" check --format json --threads 1 "$corpus")
read -r t2_s t2_kb < <(measure "$bin" check --format json --threads 2 "$corpus")

printf '%-34s %8s s %8s MB/s %8s MB peak RSS\n' "ripgrep -F -i -c -f terms" "$rg_s" "$(mbps "$rg_s")" "$((rg_kb / 1024))"
printf '%-34s %8s s %8s MB/s %8s MB peak RSS\n' "brieflint check --format json" "$bl_s" "$(mbps "$bl_s")" "$((bl_kb / 1024))"
printf '%-34s %8s s %8s MB/s %8s MB peak RSS\n' "brieflint --threads 1" "$t1_s" "$(mbps "$t1_s")" "$((t1_kb / 1024))"
printf '%-34s %8s s %8s MB/s %8s MB peak RSS\n' "brieflint --threads 2" "$t2_s" "$(mbps "$t2_s")" "$((t2_kb / 1024))"
echo
awk -v r="$rg_s" -v b="$bl_s" -v t1="$t1_s" -v t2="$t2_s" -v kb="$bl_kb" -v big="$largest" 'BEGIN {
    bound = 64 + 2 * big / 1048576
    printf "throughput vs ripgrep:   %.2fx   (target >= 0.5x)\n", r / b
    printf "2 threads vs 1 thread:   %.2fx   (target >= 1.8x)\n", t1 / t2
    printf "peak RSS:                %d MB   (target <= %.0f MB = 64 MB + 2 x largest file)\n", kb / 1024, bound
}'

# Start-up with every embedded dictionary compiled: `check` on an empty file.
empty="$WORK/empty.md"
: >"$empty"
startup=()
for _ in $(seq 30); do
    t0=$(date +%s%N)
    "$bin" check "$empty" >/dev/null
    t1=$(date +%s%N)
    startup+=($(((t1 - t0) / 1000)))
done
printf '%s\n' "${startup[@]}" | sort -n | awk '{a[NR] = $1} END {printf "start-up (empty file):   %.1f ms median of %d   (target <= 20 ms)\n", a[int((NR + 1) / 2)] / 1000, NR}'

# One 200 MB line of prose: memory must follow the file, not the number of findings.
line="$WORK/one-line-200mb.md"
if [ ! -f "$line" ]; then
    sentence='The client sells bicycles in Lyon and Bordeaux through twelve shops and a website; we will leverage the spring season. '
    yes "$sentence" | tr -d '\n' | head -c $((200 * 1024 * 1024)) >"$line"
fi
read -r line_s line_kb < <(RUNS=1 measure "$bin" check --format json "$line")
line_bytes=$(stat -c %s "$line")
awk -v s="$line_s" -v kb="$line_kb" -v b="$line_bytes" 'BEGIN {
    printf "200 MB single line:      %.1f s, peak RSS %d MB   (target <= %.0f MB)\n", s, kb / 1024, 64 + 2 * b / 1048576
}'
