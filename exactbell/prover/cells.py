"""One parameter: exact cell decomposition by real-root isolation (Sturm, :mod:`exactbell.kernel.upoly`).

Every real root of every critical polynomial (numerators/denominators of all branch values,
the switching differences of abs/max/min, and A² − B²u for values A + B√u) is isolated exactly.
Between consecutive roots the active branch is fixed and has constant sign (or vanishes
identically), so one exact rational sample per open cell decides it; by continuity (no pole in
the domain, radicands ≥ 0) the closed cells follow. Strict inequalities are also checked at the
roots and closed ends, exactly, in the number field of the root.

The proof record (all of it recomputed deterministically by :func:`decompose`):
  factors  canonical irreducible critical factors (primitive integer coefficients, lead > 0)
  roots    roots strictly inside the domain, increasing: {"factor": k, "value": q} (rational)
           or {"factor": k, "interval": [lo, hi]} (the canonical dyadic isolating interval)
  cells    one per open cell: {"sample": q, "branch": "A + (B)*sqrt(u)", "sign": -1|0|1}
  points   strict relations only: sign at each closed end and each interior root
"""
from __future__ import annotations

from fractions import Fraction
from math import floor, gcd, lcm

from ..kernel import upoly
from ..kernel.algebraic import NumberField
from ..kernel.numbers import format_rational
from .expression import SV, Collector, ProverError, Ring, branch_at, rf_at, sign_of, sign_quad, sv_sign_at


def _coeffs(p) -> list[Fraction]:
    """Univariate fmpq_mpoly -> coefficient list (low degree first)."""
    d = {int(e[0]): c for e, c in p.to_dict().items()}
    deg = max(d, default=0)
    out = [Fraction(0)] * (deg + 1)
    for e, c in d.items():
        out[e] = Fraction(int(c.p), int(c.q))
    return out


def _primitive(coeffs: list[Fraction]) -> list[int]:
    den = lcm(*[c.denominator for c in coeffs])
    ints = [int(c * den) for c in coeffs]
    g = 0
    for x in ints:
        g = gcd(g, x)
    ints = [x // g for x in ints]
    return ints if ints[-1] > 0 else [-x for x in ints]


def poly_text(ints, name: str) -> str:
    parts = []
    for k in range(len(ints) - 1, -1, -1):
        c = ints[k]
        if c == 0:
            continue
        mono = "" if k == 0 else name if k == 1 else f"{name}^{k}"
        if not mono:
            parts.append(str(c))
        elif c == 1:
            parts.append(mono)
        elif c == -1:
            parts.append(f"-{mono}")
        else:
            parts.append(f"{c}*{mono}")
    return " + ".join(parts).replace("+ -", "- ") or "0"


def critical_factors(polys) -> list[list[int]]:
    """Distinct irreducible factors (primitive, lead > 0), sorted by degree then coefficients."""
    from flint import fmpz_poly

    seen = {}
    for p in polys:
        c = _coeffs(p)
        if upoly.degree(c) < 1:
            continue
        _, facs = fmpz_poly(_primitive(c)).factor()
        for f, _e in facs:
            ints = [int(x) for x in f.coeffs()]
            if ints[-1] < 0:
                ints = [-x for x in ints]
            seen[tuple(ints)] = ints
    return sorted(seen.values(), key=lambda f: (len(f), [abs(x) for x in reversed(f)], list(reversed(f))))


class Root:
    """The unique root of an irreducible integer polynomial in a working interval (lo, hi]."""

    def __init__(self, k: int, ints: list[int], lo: Fraction, hi: Fraction):
        self.k, self.f = k, [Fraction(x) for x in ints]
        self.lo, self.hi = lo, hi
        self.value = None
        if len(ints) == 2:
            self.value = Fraction(-ints[0], ints[1])
            self.lo = self.hi = self.value
        self._field = None

    def refine(self):
        if self.value is not None:
            return
        m = (self.lo + self.hi) / 2
        if upoly.count_roots(self.f, self.lo, m) == 1:
            self.hi = m
        else:
            self.lo = m

    def cmp_rational(self, q: Fraction) -> int:
        """sign(root - q)."""
        if self.value is not None:
            return sign_of(self.value - q)
        while self.lo < q < self.hi:
            self.refine()
        return 1 if q <= self.lo else -1

    def field(self) -> NumberField:
        if self._field is None:
            self._field = NumberField("t", self.f, self.lo, self.hi)
        return self._field

    def record(self) -> dict:
        if self.value is not None:
            return {"factor": self.k, "value": format_rational(self.value)}
        lo, hi = self.field().interval
        return {"factor": self.k, "interval": [format_rational(lo), format_rational(hi)]}

    def floor_scaled(self, k: int) -> int:
        """floor(root * 2^k)."""
        s = Fraction(2) ** k
        if self.value is not None:
            return floor(self.value * s)
        while True:
            n = floor(self.lo * s)
            if self.hi <= Fraction(n + 1) / s:
                return n
            self.refine()


def _less(a: Root, b: Root) -> bool:
    while True:
        if a.value is not None and b.value is not None:
            return a.value < b.value
        if a.value is not None:
            return b.cmp_rational(a.value) > 0
        if b.value is not None:
            return a.cmp_rational(b.value) < 0
        if a.hi <= b.lo:
            return True
        if b.hi <= a.lo:
            return False
        a.refine()
        b.refine()


def interior_roots(factors, lo: Fraction, hi: Fraction) -> list[Root]:
    roots = []
    for k, ints in enumerate(factors):
        f = [Fraction(x) for x in ints]
        for l, h in upoly.isolate_real_roots(f, lo, hi):
            r = Root(k, ints, l, h)
            if r.value is not None:
                if lo < r.value < hi:
                    roots.append(r)
            elif h != hi or upoly.evaluate(f, hi) != 0:
                roots.append(r)
    # insertion sort with exact comparisons (roots of distinct irreducible factors differ)
    out: list[Root] = []
    for r in roots:
        i = len(out)
        while i > 0 and _less(r, out[i - 1]):
            i -= 1
        out.insert(i, r)
    return out


class _End:
    def __init__(self, q):
        self.value = Fraction(q)

    def floor_scaled(self, k):
        return floor(self.value * Fraction(2) ** k)

    def cmp_rational(self, q):
        return sign_of(self.value - q)


def canonical_sample(left, right) -> Fraction:
    """The dyadic m/2^k in the open gap (left, right) with the least k, then the least m."""
    k = 0
    while True:
        m = left.floor_scaled(k) + 1
        q = Fraction(m, 2**k)
        if right.cmp_rational(q) > 0:
            return q
        k += 1


def decompose(node, names, lo: Fraction, hi: Fraction, lo_open: bool, hi_open: bool, strict: bool) -> dict:
    """The full cell decomposition (deterministic; used by both prover and checker)."""
    ring = Ring(names)
    col = Collector(ring)
    vals = col.values(node)
    for v in vals:
        col.crit(v)
    _domain_conditions(col, names[0], lo, hi, lo_open, hi_open)
    factors = critical_factors(col.critical)
    roots = interior_roots(factors, lo, hi)
    bounds = [_End(lo)] + roots + [_End(hi)]
    cells = []
    for left, right in zip(bounds, bounds[1:]):
        q = canonical_sample(left, right)
        br = branch_at(node, ring, (q,))
        cells.append({"sample": q, "branch": br, "sign": sv_sign_at(br, (q,))})
    points = []
    if strict:
        if not lo_open:
            points.append({"at": "lo", "sign": sv_sign_at(cells[0]["branch"], (lo,))})
        for i, r in enumerate(roots):
            points.append({"at": i, "sign": _sign_at_root(cells[i]["branch"], r)})
        if not hi_open:
            points.append({"at": "hi", "sign": sv_sign_at(cells[-1]["branch"], (hi,))})
    return {"ring": ring, "factors": factors, "roots": roots, "cells": cells, "points": points}


def _sign_at_root(br: SV, r: Root) -> int:
    """Sign of the (continuous) branch at the root: exact, in Q or in Q(root)."""
    x = r.value if r.value is not None else r.field().gen()
    a = rf_at(br.A, (x,))
    if br.B is None:
        return a.sign() if hasattr(a, "sign") else sign_of(a)
    b, u = rf_at(br.B, (x,)), rf_at(br.u, (x,))
    return sign_quad(a, b, u)


def _domain_conditions(col: Collector, name, lo, hi, lo_open, hi_open):
    for den in col.denominators:
        c = _coeffs(den)
        n_inside = upoly.count_roots(c, lo, hi) - (upoly.evaluate(c, hi) == 0)
        at_ends = (not lo_open and upoly.evaluate(c, lo) == 0) or (not hi_open and upoly.evaluate(c, hi) == 0)
        if n_inside or at_ends:
            raise ProverError(f"denominator {poly_text(_primitive(c), name)} vanishes on the domain (a pole "
                              "that does not cancel)")
    for u in col.radicands:
        c = upoly.mul(_coeffs(u.num), _coeffs(u.den))
        ok, x = upoly.nonnegative_on(c, lo, hi)
        if not ok and (lo < x < hi or (x == lo and not lo_open) or (x == hi and not hi_open)):
            raise ProverError(f"square root of a negative number at {name} = {format_rational(x)}")


def record(dec, name) -> dict:
    return {
        "method": "cells",
        "factors": [poly_text(f, name) for f in dec["factors"]],
        "roots": [r.record() for r in dec["roots"]],
        "cells": [{"sample": format_rational(c["sample"]), "branch": c["branch"].text(), "sign": c["sign"]}
                  for c in dec["cells"]],
        **({"points": [{"at": p["at"], "sign": p["sign"]} for p in dec["points"]]} if dec["points"] else {}),
    }


def decide(dec, relation: str):
    """(holds, counterexample or None, detail) for f REL 0 with f already oriented to ≥/>/==."""
    signs = [c["sign"] for c in dec["cells"]]
    if relation == "==":
        for c in dec["cells"]:
            if c["sign"] != 0:
                return False, c["sample"], "nonzero on a cell"
        return True, None, f"identically zero on all {len(signs)} cells"
    for c in dec["cells"]:
        if c["sign"] < 0 or (relation == ">" and c["sign"] == 0):
            return False, c["sample"], "violated on a cell"
    for p in dec["points"]:
        if p["sign"] <= 0:
            return False, p, "violated at a critical point"
    return True, None, f"{len(dec['roots'])} critical roots, {len(signs)} cells"
