#!/usr/bin/env bash
# E[z_max] for n = 4096 and n = 10^20 at 50 digits: Swift (this project's quadrature) beside
# mpmath.quad (gmpy2 backend) and python-flint's rigorous acb integration, in one run.
# Prints a table of medians, ratios to Swift, and the digits on which each agrees with flint.
#
#   bash benchmarks/zmax.sh [--repeat R] [--digits D]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OUT="$HERE/out"
REPEAT=3
DIGITS=50
while [[ $# -gt 0 ]]; do
    case "$1" in
        --repeat) REPEAT="$2"; shift 2 ;;
        --digits) DIGITS="$2"; shift 2 ;;
        *) echo "zmax.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
mkdir -p "$OUT"
log() { printf '==> %s\n' "$*" >&2; }

log "Python venv with mpmath, gmpy2 and python-flint (benchmarks/.venv)"
if [[ ! -x "$HERE/.venv/bin/python" ]]; then python3 -m venv "$HERE/.venv" >&2; fi
"$HERE/.venv/bin/pip" install --quiet mpmath gmpy2 python-flint >&2
PY="$HERE/.venv/bin/python"
"$PY" -c 'import mpmath; assert mpmath.libmp.BACKEND == "gmpy", mpmath.libmp.BACKEND' \
    || { echo "mpmath is not using gmpy2" >&2; exit 1; }

log "building ZMaxBenchmark (release)"
swift build -c release --package-path "$ROOT" --product ZMaxBenchmark >&2
BIN="$(swift build -c release --package-path "$ROOT" --show-bin-path)/ZMaxBenchmark"

RESULTS="$OUT/zmax.tsv"
: > "$RESULTS"
for N in 4096 1e20; do
    "$BIN" --digits "$DIGITS" --repeat "$REPEAT" "$N" | grep '^RESULT' | cut -f2- >> "$RESULTS"
    "$PY" "$HERE/zmax_reference.py" "$N" --digits "$DIGITS" --repeat "$REPEAT" --method mpmath >> "$RESULTS"
    "$PY" "$HERE/zmax_reference.py" "$N" --digits "$DIGITS" --repeat "$REPEAT" --method flint >> "$RESULTS"
done

echo
echo "E[z_max] at $DIGITS digits, median of $REPEAT (wall clock)"
"$PY" - "$RESULTS" "$DIGITS" <<'PY'
import sys, mpmath as mp
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
digits = int(sys.argv[2])
mp.mp.dps = digits + 20
by_n = {}
for method, n, seconds, value in rows:
    by_n.setdefault(n, {})[method] = (float(seconds), mp.mpf(value))
print(f"{'n':>6} {'method':>7} {'median [s]':>11} {'ratio to swift':>15} {'digits vs flint':>16}  value")
for n, methods in by_n.items():
    swift = methods["swift"][0]
    flint_value = methods["flint"][1]
    for method in ("swift", "mpmath", "flint"):
        seconds, value = methods[method]
        diff = abs(value - flint_value)
        agree = digits if diff == 0 else min(digits, int(-mp.log10(diff / abs(flint_value))))
        print(f"{n:>6} {method:>7} {seconds:>11.4f} {seconds / swift:>15.2f} {agree:>16}  {mp.nstr(value, 30)}")
PY
