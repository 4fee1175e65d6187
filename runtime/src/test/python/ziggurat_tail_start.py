"""Prints where the tail of an n-layer normal ziggurat starts, in 40-digit arithmetic (mpmath).

Run: /usr/bin/python3 runtime/src/test/python/ziggurat_tail_start.py

Marsaglia and Tsang's construction for f(x) = exp(-x^2 / 2): the base layer [0, r] x [0, f(r)]
plus the tail beyond r has area v = r f(r) + Q(r), Q(r) the integral of f from r to infinity;
each layer above is a rectangle of area v, x(i+1) = f^-1(y(i+1)), y(i+1) = y(i) + v / x(i), from
x(1) = r, y(1) = f(r). r is where the top layer ends exactly at f(0) = 1. For 256 layers this
gives Marsaglia and Tsang's published r = 3.6541528853610088, which checks the script.
"""
from mpmath import erfc, exp, log, mp, mpf, pi, sqrt

mp.dps = 40


def f(x):
    return exp(-x * x / 2)


def top(r, layers):
    """Where the top layer ends for tail start r; above 1 once a layer passes f(0)."""
    v = r * f(r) + sqrt(pi / 2) * erfc(r / sqrt(2))
    x, y = r, f(r)
    for _ in range(1, layers):
        y = y + v / x
        if y >= 1:
            return mpf(2)
        x = sqrt(-2 * log(y))
    return y


def tail_start(layers):
    lo, hi = mpf(3), mpf(6)
    for _ in range(160):
        mid = (lo + hi) / 2
        # A larger r means a smaller area per layer, so the layers end lower.
        if top(mid, layers) > 1:
            lo = mid
        else:
            hi = mid
    return hi


for n in (256, 1024):
    print(n, mp.nstr(tail_start(n), 25))
