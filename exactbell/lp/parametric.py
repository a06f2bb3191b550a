"""LPs whose constraint *matrix* is affine in a parameter ν, with dual points that are rational
functions of ν (producer side, float-free: the generator's self-check; the kernel decides with
:func:`exactbell.kernel.lp.poly_dual`).

Setting: an :class:`exactbell.lp.exact.LP` family L(ν) whose entries (matrix, ν-part of the
right-hand side) are affine in ν, plus the usual second right-hand-side parameter t (``rhs1``)
that does not depend on ν. The family is recovered exactly from two members, L(0) and L(1); a
third member is compared against the affine extrapolation as a consistency check.

A *polynomial dual* is y(ν) = N(ν)/D(ν) with polynomials N_i, D (coefficient lists, lowest
degree first). It is dual feasible for every ν in [lo, hi] when

* D > 0 on [lo, hi];
* N_i ≥ 0 on [lo, hi] for every '>=' row i;
* R_j(ν) = c_j D(ν) − Σ_i A_ij(ν) N_i(ν) is ≥ 0 on [lo, hi] for nonnegative columns and
  identically 0 for free columns.

Its objective is (P0(ν) + t P1(ν)) / D(ν) with P0 = Σ rhs0_i(ν) N_i and P1 = Σ rhs1_i N_i; by weak
duality it bounds the LP optimum from below at every (ν, t).
Every sign condition is decided exactly by Sturm sequences (:func:`exactbell.kernel.upoly.nonnegative_on`).
"""
from __future__ import annotations

from fractions import Fraction

from ..kernel import upoly
from ..kernel.numbers import format_rational
from .exact import LP

ZERO = Fraction(0)


class ParametricError(ValueError):
    """A polynomial dual that is not feasible, or an LP family that is not affine in ν.
    ``field`` names the certificate sub-field at fault ("denominator", "entries", "tight", or "")."""

    def __init__(self, field: str, why: str | None = None):
        if why is None:
            field, why = "", field
        super().__init__(why)
        self.field = field


def poly_text(a, name: str = "nu") -> str:
    a = upoly.trim(a)
    if not a:
        return "0"
    parts = []
    for k, c in enumerate(a):
        if c:
            mon = "" if k == 0 else name if k == 1 else f"{name}^{k}"
            parts.append(f"({format_rational(c)})" + (f"*{mon}" if mon else ""))
    return " + ".join(parts)


class AffineLP:
    """L(ν) = L0 + ν (L1 − L0), from two exact members (matrix, objective, senses shared)."""

    def __init__(self, lp0: LP, lp1: LP, lp2: LP | None = None):
        if (lp0.ncols, lp0.nrows) != (lp1.ncols, lp1.nrows) or lp0.senses != lp1.senses or \
                lp0.nonneg != lp1.nonneg or lp0.objective != lp1.objective or lp0.row_names != lp1.row_names:
            raise ParametricError("the LP's shape, senses, signs or objective depend on nu")
        if lp0.rhs1 != lp1.rhs1:
            raise ParametricError("the t-part of the right-hand side depends on nu")
        self.lp0, self.lp1 = lp0, lp1
        self.ncols, self.nrows = lp0.ncols, lp0.nrows
        self.coeff = []  # per row: dict col -> poly [a0, a1]
        for r0, r1 in zip(lp0.rows, lp1.rows):
            row = {}
            for j in set(r0) | set(r1):
                a0, a1 = Fraction(r0.get(j, 0)), Fraction(r1.get(j, 0))
                p = upoly.trim([a0, a1 - a0])
                if p:
                    row[j] = p
            self.coeff.append(row)
        self.rhs0 = [upoly.trim([Fraction(a), Fraction(b) - Fraction(a)]) for a, b in zip(lp0.rhs0, lp1.rhs0)]
        self.rhs1 = [Fraction(v) for v in lp0.rhs1]
        if lp2 is not None:  # L(2) must equal the affine extrapolation 2 L1 − L0
            two = Fraction(2)
            if lp2.senses != lp0.senses or lp2.nrows != lp0.nrows or lp2.rhs1 != lp0.rhs1:
                raise ParametricError("the LP at nu = 2 has a different shape")
            for i, row in enumerate(lp2.rows):
                want = {j: upoly.evaluate(p, two) for j, p in self.coeff[i].items()}
                want = {j: v for j, v in want.items() if v}
                rhs_want = upoly.evaluate(self.rhs0[i], two) if self.rhs0[i] else ZERO
                if {j: Fraction(v) for j, v in row.items()} != want or Fraction(lp2.rhs0[i]) != rhs_want:
                    raise ParametricError(f"row {lp0.row_names[i]} is not affine in nu")

    def cost(self, j) -> Fraction:
        return Fraction(self.lp0.objective.get(j, 0))


def positive_on(a, lo, hi) -> bool:
    """a > 0 on the closed interval [lo, hi] (exact)."""
    a = upoly.trim(a)
    if not a:
        return False
    return upoly.count_roots(a, lo, hi) == 0 and upoly.evaluate(a, lo) > 0 if len(a) > 1 else a[0] > 0


def first_identical_rows(alp: AffineLP) -> list:
    """rep[i] = the first row identical to row i for every ν (coefficients, sense, right-hand side)."""
    first, rep = {}, []
    for i, row in enumerate(alp.coeff):
        key = (frozenset((j, tuple(p)) for j, p in row.items()), alp.lp0.senses[i], tuple(alp.rhs0[i]), alp.rhs1[i])
        rep.append(first.setdefault(key, i))
    return rep


def reduced_costs(alp: AffineLP, D, N: dict) -> list:
    """R_j(ν) = c_j D − Σ_i A_ij(ν) N_i(ν) for every column j (polynomials)."""
    acc = [upoly.scale(D, alp.cost(j)) for j in range(alp.ncols)]
    for i, n in N.items():
        for j, p in alp.coeff[i].items():
            acc[j] = upoly.add(acc[j], upoly.scale(upoly.mul(p, n), -1))
    return acc


def check_dual(alp: AffineLP, D, N: dict, tight: list, lo: Fraction, hi: Fraction) -> tuple:
    """Verify the polynomial dual on [lo, hi]; returns (P0, P1). Raises ParametricError(field, why)
    with field one of "denominator", "entries", "tight"."""
    if not positive_on(D, lo, hi):
        raise ParametricError("denominator", f"D = {poly_text(D)} is not positive on [{lo}, {hi}]")
    rep = first_identical_rows(alp)
    for i, n in N.items():
        if rep[i] != i:
            raise ParametricError("entries", f"dual entry on row {i}, a repeat of row {rep[i]} (use the first)")
        if not upoly.trim(n):
            raise ParametricError("entries", f"row {i}: zero polynomial (list nonzero entries only)")
        if alp.lp0.senses[i] == ">=":
            ok, x = upoly.nonnegative_on(n, lo, hi)
            if not ok:
                raise ParametricError("entries", f"dual entry of '>=' row {alp.lp0.row_names[i]} is negative at nu = {x}")
    R = reduced_costs(alp, D, N)
    actual = []
    for j, r in enumerate(R):
        if not r:
            actual.append(j)
            continue
        if not alp.lp0.nonneg[j]:
            raise ParametricError("entries", f"free column {j}: reduced cost {poly_text(r)} is not identically 0")
        ok, x = upoly.nonnegative_on(r, lo, hi)
        if not ok:
            raise ParametricError("entries", f"dual constraint of column {j} fails at nu = {x}")
    if list(tight) != actual:
        extra = sorted(set(tight) - set(actual))[:3]
        missing = sorted(set(actual) - set(tight))[:3]
        raise ParametricError("tight", "stated identically-tight columns differ from the exact ones "
                              f"(not tight: {extra}, unlisted: {missing}; list them in increasing order)")
    tset = set(actual)
    for i in N:
        if not any(j in tset for j in alp.coeff[i]):
            raise ParametricError("entries", f"dual entry of row {alp.lp0.row_names[i]} occurs in no tight column")
    P0, P1 = [], []
    for i, n in N.items():
        P0 = upoly.add(P0, upoly.mul(alp.rhs0[i], n))
        if alp.rhs1[i]:
            P1 = upoly.add(P1, upoly.scale(n, alp.rhs1[i]))
    return P0, P1
