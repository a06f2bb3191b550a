"""The kernel's Gram sum Σ_jk G_jk m_j†m_k (kinds/sos.py ``sos_sum``): one pass over the n² products vs the
former running sum (each ``+`` re-collected every term so far), measured in one run.

    python bench/sos_gram_sum.py [LEVEL …]      (NPA levels of CGLMP_3's projector basis; 2 3 by default)

A dense all-ones Gram matrix (PSD, rank 1) over the NPA basis: n² nonzero products. Both sums are
asserted equal; the ratio is running-sum time / kernel time.
"""
from __future__ import annotations

import sys
import time
from fractions import Fraction
from types import SimpleNamespace

from exactbell.kernel.kinds.sos import sos_sum
from exactbell.kernel.ncpoly import NCPoly, monomial_text, parse_operator
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


if __name__ == "__main__":
    main(sys.argv[1:] or ["2", "3"])
