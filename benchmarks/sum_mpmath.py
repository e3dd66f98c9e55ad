"""The same sum with mpmath at mp.prec = 256, as a fourth reference row.

    python3 sum_mpmath.py [--repeat N] [--warmup W] [--terms T] [--precision BITS] [--digits D]

Prints  RESULT<TAB>python-mpmath<TAB>median s<TAB>min s<TAB>value  like the other programs.
"""
import argparse
import statistics
import sys
import time

import mpmath
from mpmath import mp, mpf


def compute(t):
    b3 = mpf(9999) / 10000  # correctly rounded once, like the C and Swift versions
    b1 = mpf(9) / 10
    total = mpf(0)
    for j in range(1, t + 1):
        n = t - j + 1
        total += (b3 ** n - b1 ** n) * mp.sin(j)
    return total


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--repeat", "-n", type=int, default=5)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--terms", "-t", type=int, default=20000)
    p.add_argument("--precision", "-p", type=int, default=256)
    p.add_argument("--digits", type=int, default=75)
    a = p.parse_args()
    mp.prec = a.precision
    print(f"terms={a.terms} precision={a.precision} repeat={a.repeat} "
          f"(mpmath {mpmath.__version__}, backend {mpmath.libmp.BACKEND})", file=sys.stderr)
    times = []
    value = None
    for _ in range(max(0, a.warmup)):
        value = compute(a.terms)
    for r in range(max(1, a.repeat)):
        start = time.perf_counter()
        value = compute(a.terms)
        times.append(time.perf_counter() - start)
        print(f"python-mpmath rep {r + 1}: {times[-1]:.6f} s", file=sys.stderr)
    text = mpmath.nstr(value, a.digits, min_fixed=1, max_fixed=0, strip_zeros=False)
    print(f"RESULT\tpython-mpmath\t{statistics.median(times):.9g}\t{min(times):.9g}\t{text}")


if __name__ == "__main__":
    main()
