#!/usr/bin/env bash
# Prints every figure of issue 14 ("Speed") in one run, each beside its target, with the
# ratios computed from runs of the same script run. It measures; nothing here is a pass/fail
# test ("met" / "MISSED" only compare a figure with its target, and the exit code is 0).
#
#   scripts/bench.sh              # full: 50 MB corpus, median of 5 runs, shapes up to 64 MB
#   QUICK=1 scripts/bench.sh      # a few minutes: 5 MB corpus, 1 run, shapes at 0.25 and 1 MB
#
# Knobs (environment variables):
#   QUICK=1            FILES=200 MB=5 RUNS=1 STARTUP_RUNS=10 SHAPE_MB="0.25 1" SHAPE_TIMEOUT=30
#                      (each still overridable); the memory inputs keep their full size
#   FILES MB SEED      the bench corpus (examples/gen_corpus.rs): 2000 files, 50 MB, seed 42
#   RUNS               runs per throughput figure; the median is printed (5)
#   STARTUP_RUNS       runs per start-up figure, after 3 warm-ups; the median is printed (30)
#   SHAPE_MB           sizes in MiB of the linear-time shapes ("1 4 16 64")
#   SHAPE_TIMEOUT      seconds a shape's run may take before it is stopped and printed as
#                      "timeout" (120), or more when the previous size shows a linear run
#                      needs more, up to TIMEOUT
#   TIMEOUT            seconds before any run is stopped (600)
#   SKIP_BASELINE=1    do not build or time brieflint 2b5c53c
#   SKIP_RG=1          do not time ripgrep
#   SKIP_THROUGHPUT=1  SKIP_STARTUP=1  SKIP_MEMORY=1  SKIP_SHAPES=1: skip that section
#   WORK               where inputs and the baseline binary are kept (target/bench)
#
# Sections, in the order of the issue's "Measure":
# 1. Throughput on the corpus: this tree's brieflint (`check --format json`, release build)
#    with 2 threads against (a) brieflint as of 2b5c53c, the commit before issue 14, built
#    once into $WORK/baseline-2b5c53c/brieflint from a temporary `git worktree`, with 2
#    threads; (b) ripgrep 13 (Debian's package) `rg -j 2 -F -i -o -n --column -f
#    scripts/jargon-phrases.txt` (352 multi-word jargon forms, see scripts/jargon-phrases.sh).
#    The tools take turns, run after run. Each writes its output to a file under $WORK (not
#    /dev/null, which a tool may detect and stop early).
# 2. Two threads against one (this tree, same corpus).
# 3. Start-up on an empty file against ripgrep's with the same phrases (hyperfine when
#    installed, else a loop), and the absolute figure.
# 4. Peak RSS (GNU time) against 64 MB + 2 x the largest file, for the corpus, a 51 MB line
#    of "leverage synergy ", a 200 MB line of prose, one million `- a` items (4 MB) and a
#    folder of twenty 10 MB files of prose paragraphs.
# 5. Time per MB, start-up taken off, of five degenerate shapes (examples/gen_shapes.rs) at
#    each SHAPE_MB size, and of plain prose paragraphs as the control; a shape whose time per
#    MB grows more than 1.5x from the smallest to the largest size is flagged. After a
#    timeout, a shape's larger sizes are not run.
# Inputs are generated once under $WORK and reused. Timings move with the machine's load,
# printed with each section: compare figures from one run, not across runs.
set -euo pipefail
export LC_ALL=C # a decimal point in $EPOCHREALTIME and awk, whatever the user's locale
cd "$(dirname "$0")/.."

if [ -n "${QUICK:-}" ]; then
    : "${FILES:=200}" "${MB:=5}" "${RUNS:=1}" "${STARTUP_RUNS:=10}" "${SHAPE_MB:=0.25 1}" "${SHAPE_TIMEOUT:=30}"
fi
FILES=${FILES:-2000}
MB=${MB:-50}
SEED=${SEED:-42}
RUNS=${RUNS:-5}
STARTUP_RUNS=${STARTUP_RUNS:-30}
SHAPE_MB=${SHAPE_MB:-1 4 16 64}
TIMEOUT=${TIMEOUT:-600}
SHAPE_TIMEOUT=${SHAPE_TIMEOUT:-120}
WORK=${WORK:-target/bench}
BASE_REV=2b5c53c
PHRASES=scripts/jargon-phrases.txt
mkdir -p "$WORK"
started=$(date +%s)

need() { command -v "$1" >/dev/null 2>&1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
section() { printf '\n== %s (load average %s)\n' "$1" "$(load)"; }
[ -x /usr/bin/time ] || { echo "bench.sh needs GNU time (/usr/bin/time): apt-get install time" >&2; exit 2; }
if [ -z "${SKIP_RG:-}" ] && ! need rg; then
    if [ "$(id -u)" = 0 ] && need apt-get; then
        { apt-get update -qq && apt-get install -y -qq ripgrep; } >/dev/null || cargo install ripgrep --locked
    else
        cargo install ripgrep --locked
    fi
fi
[ "$(wc -l <"$PHRASES")" -eq 352 ] || { echo "$PHRASES must hold 352 phrases" >&2; exit 2; }

cargo build --release --quiet --bin brieflint --example gen_corpus --example gen_shapes
bin=target/release/brieflint
examples=target/release/examples

# brieflint as of $BASE_REV: built once from a temporary worktree, only the binary kept.
baseline=$WORK/baseline-$BASE_REV/brieflint
if [ -z "${SKIP_BASELINE:-}" ] && [ ! -x "$baseline" ]; then
    echo "building brieflint $BASE_REV into $baseline (once)..." >&2
    src=$(mktemp -d "$WORK/baseline-src.XXXXXX")
    trap 'git worktree remove --force "$src" 2>/dev/null || { rm -rf "$src" && git worktree prune; }' EXIT
    git worktree add --quiet --detach "$src" "$BASE_REV"
    mkdir -p "$(dirname "$baseline")"
    build=$(cd "$(dirname "$baseline")" && pwd)/target
    (cd "$src" && cargo build --release --locked --quiet --bin brieflint --target-dir "$build")
    cp "$build/release/brieflint" "$baseline"
    rm -rf "$build"
    git worktree remove --force "$src"
    trap - EXIT
fi

corpus=$WORK/corpus-$FILES-$MB-$SEED
[ -d "$corpus" ] || "$examples/gen_corpus" --files "$FILES" --total-mb "$MB" --seed "$SEED" --out "$corpus" >&2

# ---------------------------------------------------------------------------------------
# Measuring

# Runs "$@" once under TIMEOUT, standard output to $WORK/out, and sets `wall` and `cpu`
# (seconds), `rss` (KB) and `status` (ok, timeout, or failed with the exit code). Exit 1
# is success here: brieflint and ripgrep both use it for "found something" or "found none".
run_once() {
    local t0 t1 code=0
    t0=$EPOCHREALTIME
    /usr/bin/time -f "%U %S %M" -o "$WORK/time.txt" \
        timeout --kill-after=5 "$TIMEOUT" "$@" >"$WORK/out" 2>"$WORK/stderr.txt" || code=$?
    t1=$EPOCHREALTIME
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')
    read -r user sys rss < <(tail -n 1 "$WORK/time.txt")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
    case $code in
        0 | 1) status=ok ;;
        124 | 137) status=timeout ;;
        *)
            status="failed($code)"
            echo "failed ($code): $*" >&2
            head -n 5 "$WORK/stderr.txt" >&2
            ;;
    esac
}

median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# Runs "$@" RUNS times; sets `wall` and `cpu` to the medians, `rss` to the largest, and
# `status` to the first that was not ok.
measure() {
    local walls=() cpus=() max=0 worst=ok
    for _ in $(seq "$RUNS"); do
        run_once "$@"
        walls+=("$wall")
        cpus+=("$cpu")
        [ "$rss" -gt "$max" ] && max=$rss
        [ "$worst" = ok ] && worst=$status
        [ "$status" = ok ] || break
    done
    wall=$(printf '%s\n' "${walls[@]}" | median)
    cpu=$(printf '%s\n' "${cpus[@]}" | median)
    rss=$max
    status=$worst
}

# "met" or "MISSED" for `value OP target`, OP being >= or <=.
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN {print ((op == ">=") ? v >= t : v <= t) ? "met" : "MISSED"}'; }
# One line: label, figure and its target, verdict.
report() { printf '%-36s %-30s %s\n' "$1" "$2" "$3"; }
mib() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }

bytes=$(find "$corpus" -type f -name '*.md' -printf '%s\n' | awk '{s += $1} END {print s}')
largest=$(find "$corpus" -type f -name '*.md' -printf '%s\n' | sort -n | tail -1)
files=$(find "$corpus" -type f -name '*.md' | wc -l)

echo "bench.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), tree $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src Cargo.toml Cargo.lock dictionaries || echo '+changes'), baseline $BASE_REV"
echo "machine:  $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo), load average $(load)"
echo "corpus:   $corpus: $files files, $(mib "$bytes") MB, largest $((largest / 1024)) KB"
need rg && echo "ripgrep:  $(rg --version | awk 'NR == 1'), $(wc -l <"$PHRASES") phrases from $PHRASES"
echo "runs:     median of $RUNS (throughput), $STARTUP_RUNS (start-up); 1 (memory); timeout $TIMEOUT s"

# ---------------------------------------------------------------------------------------
# 1-2. Throughput

if [ -z "${SKIP_THROUGHPUT:-}" ]; then
    section "throughput on the corpus"
    find "$corpus" -type f -exec cat {} + >/dev/null # into the page cache, for every tool alike
    # The tools take turns, run after run, so that a change in the machine's load while the
    # section runs falls on all of them alike.
    tools=(t2 t1)
    [ -z "${SKIP_BASELINE:-}" ] && tools+=(base)
    [ -z "${SKIP_RG:-}" ] && tools+=(rg)
    declare -A tp_label=([t2]="brieflint --threads 2" [t1]="brieflint --threads 1"
        [base]="brieflint $BASE_REV --threads 2" [rg]="rg -j 2 -F -i -o -n --column -f PHRASES")
    declare -A tp_walls tp_cpus tp_peak tp_state tp_lines tp_median
    for tool in "${tools[@]}"; do
        tp_walls[$tool]='' tp_cpus[$tool]='' tp_peak[$tool]=0 tp_state[$tool]=ok
    done
    for _ in $(seq "$RUNS"); do
        for tool in "${tools[@]}"; do
            [ "${tp_state[$tool]}" = ok ] || continue
            case $tool in
                t2) run_once "$bin" check --format json --threads 2 "$corpus" ;;
                t1) run_once "$bin" check --format json --threads 1 "$corpus" ;;
                base) run_once "$baseline" check --format json --threads 2 "$corpus" ;;
                rg) run_once rg -j 2 -F -i -o -n --column -f "$PHRASES" "$corpus" ;;
            esac
            tp_state[$tool]=$status
            tp_walls[$tool]+="$wall "
            tp_cpus[$tool]+="$cpu "
            [ "$rss" -gt "${tp_peak[$tool]}" ] && tp_peak[$tool]=$rss
            tp_lines[$tool]=$(wc -l <"$WORK/out")
        done
    done
    printf '%-40s %8s %9s %8s %9s %9s\n' "" "wall s" "MB/s" "CPU s" "peak MB" "lines out"
    for tool in "${tools[@]}"; do
        if [ "${tp_state[$tool]}" != ok ]; then
            printf '%-40s %8s\n' "${tp_label[$tool]}" "${tp_state[$tool]}"
            continue
        fi
        # shellcheck disable=SC2086 # one word per run
        wall=$(printf '%s\n' ${tp_walls[$tool]} | median)
        tp_median[$tool]=$wall
        # shellcheck disable=SC2086
        printf '%-40s %8.2f %9.1f %8.2f %9d %9d\n' "${tp_label[$tool]}" "$wall" \
            "$(awk -v b="$bytes" -v s="$wall" 'BEGIN {print b / 1048576 / s}')" \
            "$(printf '%s\n' ${tp_cpus[$tool]} | median)" $((tp_peak[$tool] / 1024)) "${tp_lines[$tool]}"
    done
    echo
    # ratio NUMERATOR DENOMINATOR LABEL OP TARGET [NOTE]: a ratio of two wall times.
    ratio() {
        if [ -z "$1" ] || [ -z "$2" ]; then
            report "$3" "not measured" ""
            return
        fi
        local r
        r=$(awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}')
        report "$3" "${r}x (target $4 $5x${6:+, $6})" "$(verdict "$r" "$4" "$5")"
    }
    ratio "${tp_median[base]:-}" "${tp_median[t2]:-}" "throughput vs brieflint $BASE_REV" ">=" 2.5
    ratio "${tp_median[rg]:-}" "${tp_median[t2]:-}" "throughput vs ripgrep" ">=" 0.35 "goal 0.5x"
    ratio "${tp_median[t1]:-}" "${tp_median[t2]:-}" "2 threads vs 1 thread" ">=" 1.8
fi

# ---------------------------------------------------------------------------------------
# 3. Start-up

if [ -z "${SKIP_STARTUP:-}" ]; then
    empty=$WORK/empty.md
    : >"$empty"
    section "start-up on an empty file"
    # startup LABEL COMMAND...: prints the median wall time in ms and sets `ms`; hyperfine's
    # figures also give CPU time.
    startup() {
        local label=$1
        shift
        if need hyperfine; then
            hyperfine -N -i --warmup 3 --runs "$STARTUP_RUNS" --export-csv "$WORK/startup.csv" \
                -- "$*" >/dev/null 2>&1
            ms=$(awk -F, 'NR == 2 {printf "%.2f", $4 * 1000}' "$WORK/startup.csv")
            # Under load, CPU time moves less than wall time: shown beside it.
            cpu_ms=$(awk -F, 'NR == 2 {printf "%.2f", ($5 + $6) * 1000}' "$WORK/startup.csv")
        else
            local times=() t0
            for i in $(seq $((STARTUP_RUNS + 3))); do
                t0=$EPOCHREALTIME
                "$@" >/dev/null 2>&1 || true
                [ "$i" -gt 3 ] && times+=("$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN {print b - a}')")
            done
            ms=$(printf '%s\n' "${times[@]}" | median | awk '{printf "%.2f", $1 * 1000}')
            cpu_ms=
        fi
        printf '%-40s %8s ms%s\n' "$label" "$ms" "${cpu_ms:+   (CPU $cpu_ms ms, mean user + sys)}"
    }
    echo "median of $STARTUP_RUNS runs ($(need hyperfine && echo "hyperfine -N" || echo "a shell loop"))"
    startup "brieflint check EMPTY" "$bin" check "$empty"
    own=$ms
    [ -z "${SKIP_BASELINE:-}" ] && startup "brieflint $BASE_REV check EMPTY" "$baseline" check "$empty"
    echo
    if [ -z "${SKIP_RG:-}" ]; then
        startup "rg -F -i -f PHRASES EMPTY" rg -F -i -f "$PHRASES" "$empty"
        r=$(awk -v a="$own" -v b="$ms" 'BEGIN {printf "%.2f", a / b}')
        report "start-up vs ripgrep" "${r}x (target <= 0.8x)" "$(verdict "$r" "<=" 0.8)"
    fi
    report "start-up" "$own ms (target <= 10 ms)" "$(verdict "$own" "<=" 10)"
fi

# ---------------------------------------------------------------------------------------
# 4. Memory

# A file of `text` repeated to `bytes` bytes, then a newline (generated once). `yes` ends on
# SIGPIPE when `head` has enough, which pipefail would take for a failure.
repeated() {
    local path=$1 bytes=$2 text=$3
    [ -f "$path" ] || (
        set +o pipefail
        yes -- "$text" | tr -d '\n' | head -c "$bytes" >"$path.tmp"
        echo >>"$path.tmp"
        mv "$path.tmp" "$path"
    )
}

if [ -z "${SKIP_MEMORY:-}" ]; then
    section "peak RSS against 64 MB + 2 x the largest file (default threads)"
    mem=$WORK/memory
    mkdir -p "$mem"
    repeated "$mem/line-51mb.md" $((51 << 20)) "leverage synergy "
    repeated "$mem/line-200mb.md" $((200 << 20)) 'The client sells bicycles in Lyon and Bordeaux through twelve shops and a website; we will leverage the spring season. '
    [ -f "$mem/list-1m.md" ] || (set +o pipefail && yes -- '- a' | head -n 1000000 >"$mem/list-1m.md")
    # Prose, not gen_corpus briefs: a 10 MB brief has ~40,000 headings, and the time that
    # takes (a shape of section 5) would hide the memory figure behind a timeout.
    if [ "$(find "$mem/folder-20x10mb" -name '*.md' 2>/dev/null | wc -l)" -ne 20 ]; then
        rm -rf "$mem/folder-20x10mb"
        mkdir -p "$mem/folder-20x10mb"
        "$examples/gen_shapes" --shape prose --mb 10 --out "$mem/folder-20x10mb/brief-1.md"
        for i in $(seq 2 20); do cp "$mem/folder-20x10mb/brief-1.md" "$mem/folder-20x10mb/brief-$i.md"; done
    fi
    printf '%-28s %9s %9s %8s %9s %9s\n' "" "input MB" "largest" "wall s" "peak MB" "bound MB"
    for input in "$corpus" "$mem/line-51mb.md" "$mem/line-200mb.md" "$mem/list-1m.md" "$mem/folder-20x10mb"; do
        size=$(find "$input" -type f -name '*.md' -printf '%s\n' | awk '{s += $1} END {print s}')
        big=$(find "$input" -type f -name '*.md' -printf '%s\n' | sort -n | tail -1)
        bound=$(awk -v b="$big" 'BEGIN {printf "%d", 64 + 2 * b / 1048576}')
        RUNS=1 measure "$bin" check --format json --max-file-size 1G "$input"
        if [ "$status" = ok ]; then
            printf '%-28s %9s %9s %8.2f %9d %9d   %s\n' "${input#"$WORK"/}" "$(mib "$size")" "$(mib "$big")" \
                "$wall" $((rss / 1024)) "$bound" "$(verdict $((rss / 1024)) "<=" "$bound")"
        else
            printf '%-28s %9s %9s %8s %9s %9d   %s\n' "${input#"$WORK"/}" "$(mib "$size")" "$(mib "$big")" \
                "$status" ">=$((rss / 1024))" "$bound" "MISSED"
        fi
    done
fi

# ---------------------------------------------------------------------------------------
# 5. Linear time

if [ -z "${SKIP_SHAPES:-}" ]; then
    section "seconds per MB by shape and size"
    # Start-up would inflate the time per MB of the small sizes and hide a growth: take it off.
    : >"$WORK/empty.md"
    RUNS=11 measure "$bin" check --format json "$WORK/empty.md"
    start=$wall
    echo "start-up, $start s (median of 11 runs on an empty file), is taken off each time; runs under"
    echo "2 s are the median of 5 more. A run may take $SHAPE_TIMEOUT s, or 1.6 times what a linear time"
    echo "would take after the previous size, up to $TIMEOUT s; then it is stopped (timeout)."
    read -r -a sizes <<<"$SHAPE_MB"
    printf '%-12s' shape
    printf ' %10s' "${sizes[@]/%/ MB}"
    printf '   %s\n' "growth ${sizes[0]} -> ${sizes[-1]} MB (target <= 1.5x)"
    mkdir -p "$WORK/shapes"
    for shape in headings list-items table-rows findings h1-leverage prose; do
        printf '%-12s' "$shape"
        first='' status=ok per_mb=0
        for size in "${sizes[@]}"; do
            if [ "$status" != ok ]; then
                printf ' %10s' "-"
                continue
            fi
            file=$WORK/shapes/$shape-$size.md
            [ -f "$file" ] || "$examples/gen_shapes" --shape "$shape" --mb "$size" --out "$file"
            mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN {print b / 1048576}')
            # Enough time to tell a growth of more than 1.5x from a linear one.
            limit=$(awk -v r="$per_mb" -v mb="$mb" -v lo="$SHAPE_TIMEOUT" -v hi="$TIMEOUT" \
                'BEGIN {l = 1.6 * r * mb + 1; l = (l < lo) ? lo : l; printf "%d", (l > hi) ? hi : l}')
            TIMEOUT=$limit RUNS=1 measure "$bin" check --format json --max-file-size 1G "$file"
            if [ "$status" = ok ] && awk -v s="$wall" 'BEGIN {exit !(s < 2)}'; then
                TIMEOUT=$limit RUNS=5 measure "$bin" check --format json --max-file-size 1G "$file"
            fi
            # After a timeout, the time per MB is over limit / size: a lower bound on the growth.
            [ "$status" = timeout ] && wall=$limit
            per_mb=$(awk -v s="$wall" -v b="$start" -v mb="$mb" 'BEGIN {d = s - b; printf "%.4f", (d > 0.001 ? d : 0.001) / mb}')
            if [ -z "$first" ]; then first=$per_mb first_status=$status; fi
            if [ "$status" = ok ]; then printf ' %10.3f' "$per_mb"; else printf ' %10s' "$status"; fi
        done
        g=$(awk -v a="$per_mb" -v b="$first" 'BEGIN {printf "%.2f", a / b}')
        if [ "$first_status" != ok ]; then
            printf '   %s\n' "unknown: $first_status at the smallest size"
        elif [ "$status" = ok ]; then
            printf '   %s\n' "${g}x $(verdict "$g" "<=" 1.5)"
        elif [ "$status" = timeout ]; then
            printf '   %s\n' ">${g}x $(awk -v g="$g" 'BEGIN {print (g >= 1.5) ? "MISSED" : "unknown"}')"
        else
            printf '   %s\n' "not measured: $status at $size MB"
        fi
    done
    echo "(-: not run after a timeout at a smaller size)"
fi

echo
echo "done in $(($(date +%s) - started)) s, load average $(load)"
