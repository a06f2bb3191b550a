"""The kernel's sums in one pass vs the former running sums (each ``+`` re-collected every term so far),
measured in one run: the Gram sum Σ_jk G_jk m_j†m_k (kinds/sos.py ``sos_sum``) and the Bell operator
Σ F(a|x) Π_i P_{a_i|x_i} (ncpoly.py ``bell_operator``).

    python bench/sos_gram_sum.py [LEVEL …]      (NPA levels of CGLMP_3's projector basis; 2 3 by default)

Gram: a dense all-ones matrix (PSD, rank 1) over the NPA basis, n² nonzero products. Bell operator:
dense integer coefficients on (2,2;d,d), d = 10, 20, 30. Both results are asserted equal; the ratio is
running-sum time / kernel time.
"""
from __future__ import annotations

import sys
import time
from fractions import Fraction
from functools import reduce
from types import SimpleNamespace

from exactbell.kernel.kinds.sos import sos_sum
from exactbell.kernel.ncpoly import NCPoly, bell_operator, monomial_text, parse_operator
from exactbell.kernel.scenario import Scenario
from exactbell.sdp.npa import monomial_basis


class _Spec:
    """The ``sos`` object of a certificate, as far as sos_sum reads it."""

    def __init__(self, basis, matrix):
        self.raw = {"basis": basis, "matrix": matrix}

    def has(self, key):
        return key in self.raw

    def obj(self, key):
        return self

    def list(self, key, n=None):
        return self.raw[key]

    def at(self, key):
        return key


def main(levels):
    ctx = SimpleNamespace(field=None, fixed={}, guard=lambda where, fn: fn(), value=lambda o, k, raw: Fraction(raw))
    sc = SimpleNamespace(parties=2, inputs=(2, 2), outputs=(3, 3))
    print(f"{'level':>6}{'n':>6}{'terms':>8}{'kernel s':>10}{'running s':>11}{'ratio':>8}")
    for lv in levels:
        names = [monomial_text(m) for m in monomial_basis((2, 2), lv, (3, 3))]
        n = len(names)
        t = time.perf_counter()
        S, _ = sos_sum(ctx, _Spec(names, [["1"] * n] * n), sc)
        kernel = time.perf_counter() - t
        ops = [parse_operator(b, 2, (2, 2), Fraction, outputs=(3, 3)) for b in names]
        t = time.perf_counter()
        total = NCPoly(2)
        for P in ops:
            total = sum((P.adjoint() * Q for Q in ops), total)
        running = time.perf_counter() - t
        assert total == S
        print(f"{lv:>6}{n:>6}{len(S.terms):>8}{kernel:>10.2f}{running:>11.2f}{running / kernel:>8.1f}")
    print(f"\n{'(2,2;d,d)':>10}{'terms':>8}{'kernel s':>10}{'running s':>11}{'ratio':>8}")
    for d in (10, 20, 30):
        sc = Scenario((2, 2), (d, d))
        F = SimpleNamespace(scenario=sc, coefficients=[Fraction((i * 7919) % 13 - 6) for i in range(sc.size)])
        t = time.perf_counter()
        B = bell_operator(F)
        kernel = time.perf_counter() - t
        t = time.perf_counter()
        total = NCPoly(2)
        for (a, x), c in zip(sc.entries(), F.coefficients):
            if c != 0:
                total = total + reduce(NCPoly.__mul__, [NCPoly.projector(2, i, x[i], a[i], d) for i in (0, 1)]) * c
        running = time.perf_counter() - t
        assert total == B
        print(f"{d:>10}{len(B.terms):>8}{kernel:>10.2f}{running:>11.2f}{running / kernel:>8.1f}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["2", "3"])
