"""E[z_max] = ∫ z · n Φ(z)^{n-1} φ(z) dz at 50 digits with mpmath.quad (tanh-sinh) and, when
installed, python-flint's rigorous acb integration. The integrand is evaluated in log space,
log Φ(z) = log1p(-Φ(-z)), and the line is split at the Laplace mode z* (n φ(z) = z Φ(z)
to leading order) so that the narrow peak at large n is resolved.

    python3 zmax_reference.py N [--digits 50] [--repeat 3] [--method mpmath|flint]

Prints: method, n, median seconds, value.
"""
import argparse
import statistics
import time

import mpmath as mp


def mode(n):
    # Root of d/dz log density, (n-1) φ(z)/Φ(z) = z, in logarithms so that it stays well scaled
    # for n up to 10^100: the Laplace mode.
    f = lambda z: mp.log(n - 1) - z * z / 2 - mp.log(mp.sqrt(2 * mp.pi)) - mp.log1p(-mp.ncdf(-z)) - mp.log(z)
    z0 = mp.sqrt(2 * mp.log(n / mp.sqrt(2 * mp.pi)))
    return mp.findroot(f, z0)


def breakpoints(n):
    z = mode(n)
    width = 1 / z  # the peak's width shrinks like 1/z*
    return [-mp.inf, z - 12 * width, z - 4 * width, z - width, z, z + width, z + 4 * width, z + 12 * width, mp.inf]


def by_mpmath(n, digits):
    mp.mp.dps = digits + 15
    n = mp.mpf(n)
    log_n = mp.log(n)
    def integrand(z):
        return z * mp.exp(log_n + (n - 1) * mp.log1p(-mp.ncdf(-z)) - z * z / 2) / mp.sqrt(2 * mp.pi)
    return mp.quad(integrand, breakpoints(n))


def by_flint(n, digits):
    import flint
    flint.ctx.dps = digits + 15
    zs = [mp.mpf(b) for b in breakpoints(mp.mpf(n))[1:-1]]
    n = flint.arb(mp.nstr(n, digits + 10))
    sqrt2 = flint.arb(2).sqrt()
    log_n = n.log()
    inv_sqrt_2pi = 1 / (2 * flint.arb.pi()).sqrt()
    def integrand(z, analytic):
        # 1 - Φ(-z) = 1 - erfc(z/√2)/2; log1p of a complex argument for the rigorous enclosure.
        tail = (z / flint.acb(sqrt2)).erfc() / 2
        return z * (log_n + (n - 1) * (-tail).log1p() - z * z / 2).exp() * inv_sqrt_2pi
    # acb integration needs finite ends: cut where the integrand is below 10^-(digits+20).
    # Upper: n φ(z) z is negligible once z²/2 > log n + K; lower: Φ(z)^(n-1) < e^{-K}
    # once (n-1)·Φ(-z) > K, with K = (digits + 20)·log 10.
    with mp.workdps(digits + 15):
        nn = mp.mpf(n.str(digits + 10, radius=False))
        K = (digits + 20) * mp.log(10)
        upper = mp.sqrt(2 * (mp.log(nn) + K) + 2 * mp.log(mp.log(nn) + K))
        lower = mp.findroot(lambda z: mp.log(nn - 1) + mp.log(mp.ncdf(-z)) - mp.log(K), zs[0])
    lo = flint.arb(mp.nstr(min(lower, zs[0] - 1), digits + 10))
    hi = flint.arb(mp.nstr(upper, digits + 10))
    edges = [lo] + [flint.arb(mp.nstr(z, digits + 10)) for z in zs] + [hi]
    total = flint.acb(0)
    for a, b in zip(edges, edges[1:]):
        total += flint.acb.integral(integrand, a, b)
    return total.real


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n")
    parser.add_argument("--digits", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--method", choices=["mpmath", "flint"], default="mpmath")
    args = parser.parse_args()
    n = mp.mpf(args.n)
    run = by_mpmath if args.method == "mpmath" else by_flint
    times = []
    value = None
    for _ in range(args.repeat):
        start = time.perf_counter()
        value = run(n, args.digits)
        times.append(time.perf_counter() - start)
    text = mp.nstr(mp.mpf(value.mid()) if hasattr(value, "mid") else value, args.digits) if args.method == "mpmath" else value.str(args.digits, radius=False)
    print(f"{args.method}\t{args.n}\t{statistics.median(times):.6f}\t{text}")


if __name__ == "__main__":
    main()
