#!/usr/bin/env bash
# Times S = sum_{j=1}^{t} (b3^(t-j+1) - b1^(t-j+1)) * sin(j) at 256 bits (b3 = 1 - 1e-4,
# b1 = 0.9, t = 20000) in C over MPFR, as a Swift BigFloat loop, through the Symbolic
# expression evaluator and (optionally) with mpmath; checks that all agree to 1e-70
# relative and prints a table of medians and ratios to C.
#
#   bash benchmarks/run.sh [--repeat N] [--warmup W] [--terms T] [--precision BITS] [--no-mpmath]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/out"
REPEAT=5
WARMUP=1
TERMS=20000
PRECISION=256
MPMATH=1
TOLERANCE=1e-70

while [[ $# -gt 0 ]]; do
    case "$1" in
        --repeat|-n) REPEAT="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --terms|-t) TERMS="$2"; shift 2 ;;
        --precision|-p) PRECISION="$2"; shift 2 ;;
        --no-mpmath) MPMATH=0; shift ;;
        -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

log() { printf '==> %s\n' "$*" >&2; }
mkdir -p "$OUT"

# --- 1. MPFR development files --------------------------------------------------------
if dpkg -s libmpfr-dev >/dev/null 2>&1 || pkg-config --exists mpfr 2>/dev/null; then
    log "libmpfr-dev present"
else
    log "installing libmpfr-dev libgmp-dev pkg-config"
    SUDO=""
    if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
    $SUDO apt-get install -y libmpfr-dev libgmp-dev pkg-config \
        || { $SUDO apt-get update && $SUDO apt-get install -y libmpfr-dev libgmp-dev pkg-config; }
fi

# --- 2. C program ---------------------------------------------------------------------
MPFR_FLAGS="$(pkg-config --cflags --libs mpfr 2>/dev/null || echo -lmpfr)"
log "compiling sum_mpfr.c"
# shellcheck disable=SC2086
cc -O2 -Wall -o "$OUT/sum_mpfr" "$HERE/sum_mpfr.c" $MPFR_FLAGS -lmpfr -lgmp

# --- 3. Swift benchmark package (release) ---------------------------------------------
log "building the Swift benchmark (release; the first build compiles the main package too)"
ROOT="$(cd "$HERE/.." && pwd)"
swift build -c release --package-path "$ROOT" --product SumBenchmark >&2
SWIFT_BIN="$(swift build -c release --package-path "$ROOT" --show-bin-path)/SumBenchmark"

# --- 4. run ---------------------------------------------------------------------------
RESULTS="$OUT/results.tsv"
: > "$RESULTS"
COMMON=(--repeat "$REPEAT" --warmup "$WARMUP" --terms "$TERMS" --precision "$PRECISION")

log "C over MPFR"
"$OUT/sum_mpfr" "${COMMON[@]}" | grep '^RESULT' >> "$RESULTS"
log "Swift (BigFloat loop, expression evaluator)"
"$SWIFT_BIN" "${COMMON[@]}" --method all | grep '^RESULT' >> "$RESULTS"

if [[ $MPMATH -eq 1 ]]; then
    PY=""
    if command -v python3 >/dev/null 2>&1; then
        if python3 -c 'import mpmath' 2>/dev/null; then
            PY=python3
        elif [[ -x "$HERE/.venv/bin/python" ]] && "$HERE/.venv/bin/python" -c 'import mpmath' 2>/dev/null; then
            PY="$HERE/.venv/bin/python"
        else
            log "mpmath not importable; installing it into benchmarks/.venv"
            if python3 -m venv "$HERE/.venv" >&2 && "$HERE/.venv/bin/pip" install --quiet mpmath >&2; then
                PY="$HERE/.venv/bin/python"
            else
                log "could not install mpmath (pip failed); skipping the mpmath row"
            fi
        fi
    else
        log "python3 not found; skipping the mpmath row"
    fi
    if [[ -n $PY ]]; then
        log "Python mpmath ($PY)"
        "$PY" "$HERE/sum_mpmath.py" "${COMMON[@]}" | grep '^RESULT' >> "$RESULTS"
    fi
fi

# --- 5. agreement (all values against the C one, 1e-70 relative, compared at 1024 bits) --
mapfile -t VALUES < <(cut -f5 "$RESULTS")
log "checking agreement to $TOLERANCE relative"
if ! "$SWIFT_BIN" --check "${VALUES[@]}" --tolerance "$TOLERANCE" >&2; then
    echo "" >&2
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
    echo "!! BENCHMARK FAILED: the methods disagree beyond $TOLERANCE relative:" >&2
    cut -f2,5 "$RESULTS" >&2
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
    exit 1
fi

# --- 6. table -------------------------------------------------------------------------
CPU="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || true)"
echo
echo "S = sum_{j=1}^{$TERMS} (b3^(t-j+1) - b1^(t-j+1)) sin(j), b3 = 1-1e-4, b1 = 0.9, $PRECISION bits"
echo "median of $REPEAT repetitions after $WARMUP warm-up (wall clock)${CPU:+, $CPU}"
echo
awk -F'\t' -v md="$OUT/table.md" '
    function first30(v,   neg, parts, n, m) {
        neg = (substr(v, 1, 1) == "-")
        n = split(v, parts, /[eE]/)
        m = substr(parts[1], 1, 31 + neg)
        return n > 1 ? m "e" parts[2] : m
    }
    NR == 1 { c = $3 }
    { name[NR] = $2; med[NR] = $3; best[NR] = $4; val[NR] = first30($5) }
    END {
        fmt = "%-22s %12s %12s %10s  %s\n"
        printf fmt, "method", "median [s]", "min [s]", "ratio to C", "value (first 30 digits)"
        printf fmt, "------", "----------", "-------", "----------", "-----------------------"
        print "| method | median [s] | min [s] | ratio to C | value (first 30 digits) |" > md
        print "|---|---:|---:|---:|---|" > md
        for (i = 1; i <= NR; i++) {
            r = sprintf("%.2f", med[i] / c)
            printf fmt, name[i], sprintf("%.4f", med[i]), sprintf("%.4f", best[i]), r, val[i]
            printf "| %s | %.4f | %.4f | %s | `%s` |\n", name[i], med[i], best[i], r, val[i] > md
        }
    }' "$RESULTS"
echo
echo "all values agree to $TOLERANCE relative; raw results in ${RESULTS#"$PWD"/}, markdown table in ${OUT#"$PWD"/}/table.md"
