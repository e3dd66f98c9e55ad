#!/usr/bin/env bash
# Noise-free comparison: instructions executed (valgrind callgrind) and calls per term of
# allocation and MPFR entry points, for the C loop, the Swift BigFloat loop and the
# Swift evaluator. Run benchmarks/run.sh first (it builds the programs).
#
#   bash benchmarks/profile.sh [--terms T]      # callgrind files land in benchmarks/out/
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/out"
TERMS=20000
if [[ ${1:-} == --terms || ${1:-} == -t ]]; then TERMS="$2"; fi

command -v valgrind >/dev/null || { echo "profile.sh: valgrind not found" >&2; exit 1; }
SWIFT_BIN="$(swift build -c release --package-path "$HERE/.." --show-bin-path)/SumBenchmark"
[[ -x $OUT/sum_mpfr && -x $SWIFT_BIN ]] || { echo "profile.sh: run benchmarks/run.sh first" >&2; exit 1; }

run() {  # name, command...
    local name="$1"; shift
    echo "==> callgrind: $name" >&2
    valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.$name" "$@" \
        --repeat 1 --warmup 0 --terms "$TERMS" >/dev/null 2>"$OUT/callgrind.$name.log"
}
run c-mpfr "$OUT/sum_mpfr"
run swift-bigfloat-loop "$SWIFT_BIN" --method loop
run swift-evaluator "$SWIFT_BIN" --method expr

python3 - "$OUT" "$TERMS" <<'EOF'
import collections, re, sys
out, terms = sys.argv[1], int(sys.argv[2])
watch = ["malloc", "mpfr_init2", "swift_allocObject", "swift_retain", "mpfr_set4",
         "mpfr_mul", "mpfr_div_si", "mpfr_pow_si", "mpfr_sin"]
rows = []
for name in ["c-mpfr", "swift-bigfloat-loop", "swift-evaluator"]:
    names, calls, total, cfn = {}, collections.Counter(), 0, None
    def resolve(s):
        m = re.match(r"\((\d+)\)(?: (.*))?", s)
        if not m:
            return s
        if m.group(2):
            names[m.group(1)] = m.group(2)
        return names.get(m.group(1), "?")
    for line in open(f"{out}/callgrind.{name}"):
        if line.startswith("fn="):
            resolve(line[3:].rstrip("\n"))
        elif line.startswith("cfn="):
            cfn = resolve(line[4:].rstrip("\n"))
        elif line.startswith("calls=") and cfn:
            calls[cfn] += int(line[6:].split()[0])
        elif line.startswith("summary:") or line.startswith("totals:"):
            total = int(line.split()[1])
    rows.append((name, total, [calls[w] / terms for w in watch]))
base = rows[0][1]
print(f"\ninstructions (Ir) and calls per term, t = {terms}\n")
head = f"{'method':<22}{'Ir':>15}{'ratio':>7}" + "".join(f"{w:>18}" for w in watch)
print(head)
for name, total, per in rows:
    print(f"{name:<22}{total:>15,}{total / base:>7.2f}" + "".join(f"{p:>18.1f}" for p in per))
EOF
