"""Exact linear programs in a small sparse form, and exact verification of certificates.

Producer side (the solver's LP container and its self-checks):
Fractions only. The kernel decides with its own checks in :mod:`exactbell.kernel.lp`.

An :class:`LP` is

    minimise   c·x
    subject to row_i · x  (= or >=)  rhs_i      (rhs_i = r0_i + t * r1_i, affine in one parameter t)
               x_j >= 0 for j in ``nonneg``, other columns free.

Its dual is  maximise  Σ rhs_i y_i  subject to  y_i >= 0 on '>=' rows,
(Aᵀy)_j <= c_j on nonnegative columns and (Aᵀy)_j = c_j on free columns.
Weak duality: for primal-feasible x and dual-feasible y, c·x >= rhs·y. Equality proves optimality.

A Farkas certificate of primal infeasibility is y with y_i >= 0 on '>=' rows,
(Aᵀy)_j <= 0 on nonnegative columns, (Aᵀy)_j = 0 on free columns and rhs·y > 0.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from math import lcm

ZERO = Fraction(0)


class LPError(ValueError):
    """A certificate vector that does not fit the LP (wrong index, duplicate, zero entry …)."""


@dataclass
class LP:
    ncols: int
    nonneg: list  # bool per column
    objective: dict  # column -> coefficient
    rows: list = field(default_factory=list)  # list of dict column -> coefficient
    senses: list = field(default_factory=list)  # "=" or ">="
    rhs0: list = field(default_factory=list)
    rhs1: list = field(default_factory=list)  # coefficient of the parameter t
    row_names: list = field(default_factory=list)
    col_names: list = field(default_factory=list)

    def add_row(self, coeffs: dict, sense: str, rhs, rhs_t=0, name: str = "") -> int:
        if sense not in ("=", ">="):
            raise LPError(f"unknown row sense {sense!r}")
        self.rows.append({j: (v if type(v) is int else _num(v)) for j, v in coeffs.items() if v != 0})
        self.senses.append(sense)
        self.rhs0.append(_num(rhs))
        self.rhs1.append(_num(rhs_t))
        self._int_rows = None
        self._first_cols = None
        self._first_rows = None
        self.row_names.append(name)
        return len(self.rows) - 1

    @property
    def nrows(self) -> int:
        return len(self.rows)

    def rhs(self, t=ZERO) -> list:
        return [a + t * b if b else a for a, b in zip(self.rhs0, self.rhs1)]

    def columns(self) -> list:
        """Column-wise view: list of dict row -> coefficient."""
        cols = [dict() for _ in range(self.ncols)]
        for i, row in enumerate(self.rows):
            for j, v in row.items():
                cols[j][i] = v
        return cols

    def is_parametric(self) -> bool:
        return any(self.rhs1)

    def int_rows(self) -> tuple:
        """(rows with integer coefficients, per-row scale L_i): row_i = int_row_i / L_i."""
        if getattr(self, "_int_rows", None) is None:
            ints, scales = [], []
            for row in self.rows:
                L = 1
                for v in row.values():
                    if type(v) is not int:
                        L = lcm(L, v.denominator)
                ints.append({j: int(v * L) for j, v in row.items()} if L != 1 else row)
                scales.append(L)
            self._int_rows = (ints, scales)
        return self._int_rows


def _num(v):
    """int when integral (fast path), else Fraction; rejects floats."""
    if isinstance(v, bool) or isinstance(v, float):
        raise LPError(f"{v!r} is not an exact number")
    if isinstance(v, int):
        return v
    v = Fraction(v)
    return v.numerator if v.denominator == 1 else v


def _common(vec: dict) -> tuple:
    """(integer numerators, common denominator) of a sparse rational vector."""
    D = 1
    for v in vec.values():
        if isinstance(v, Fraction):
            D = lcm(D, v.denominator)
    return {j: int(v * D) for j, v in vec.items()}, D


def sparse_vector(pairs, length: int, what: str) -> dict:
    """[[index, Fraction], …] -> dict; indices in range, no duplicates, no zero entries."""
    out = {}
    for k, (j, v) in enumerate(pairs):
        if not isinstance(j, int) or isinstance(j, bool) or not 0 <= j < length:
            raise LPError(f"{what}[{k}]: index {j!r} outside 0..{length - 1}")
        if j in out:
            raise LPError(f"{what}[{k}]: duplicate index {j}")
        if v == 0:
            raise LPError(f"{what}[{k}]: explicit zero entry (list nonzeros only)")
        out[j] = v
    return out


def objective_value(lp: LP, x: dict) -> Fraction:
    return sum((lp.objective.get(j, ZERO) * v for j, v in x.items()), ZERO)


def primal_violation(lp: LP, x: dict, t=ZERO) -> str | None:
    """None if x is primal feasible (at parameter t), else a one-line reason."""
    for j, v in x.items():
        if lp.nonneg[j] and v < 0:
            return f"primal variable {lp.col_names[j] if lp.col_names else j} = {v} is negative"
    rhs = lp.rhs(t)
    X, D = _common(x)
    ints, scales = lp.int_rows()
    for i, row in enumerate(ints):
        s = 0
        for j, a in row.items():
            xj = X.get(j)
            if xj:
                s += a * xj
        target = rhs[i] * scales[i] * D  # lhs·L·D must (equal / exceed) rhs·L·D
        if (lp.senses[i] == "=" and s != target) or (lp.senses[i] == ">=" and s < target):
            name = lp.row_names[i] if lp.row_names else i
            lhs = Fraction(s, scales[i] * D)
            return f"primal constraint {name} violated: lhs {lhs} {lp.senses[i]} rhs {rhs[i]} fails"
    return None


def dual_products(lp: LP, y: dict) -> list:
    """(Aᵀy)_j for every column j."""
    ints, scales = lp.int_rows()
    Y, E = _common(y)
    L = 1
    for i in Y:
        L = lcm(L, scales[i])
    acc = [0] * lp.ncols
    for i, yi in Y.items():
        z = yi * (L // scales[i])
        for j, a in ints[i].items():
            acc[j] += a * z
    den = L * E
    return [Fraction(v, den) if v else ZERO for v in acc]


def dual_violation(lp: LP, y: dict, homogeneous: bool = False) -> str | None:
    """None if y is dual feasible (Farkas-feasible if ``homogeneous``: objective replaced by 0)."""
    for i, v in y.items():
        if lp.senses[i] == ">=" and v < 0:
            return f"dual variable of row {lp.row_names[i] if lp.row_names else i} = {v} must be >= 0"
    aty = dual_products(lp, y)
    for j in range(lp.ncols):
        c = ZERO if homogeneous else lp.objective.get(j, ZERO)
        if (lp.nonneg[j] and aty[j] > c) or (not lp.nonneg[j] and aty[j] != c):
            name = lp.col_names[j] if lp.col_names else j
            rel = "<=" if lp.nonneg[j] else "="
            return f"dual constraint of column {name} violated: (A^T y) = {aty[j]}, needs {rel} {c}"
    return None


def dual_value(lp: LP, y: dict, t=ZERO) -> Fraction:
    return sum(((lp.rhs0[i] + t * lp.rhs1[i]) * v for i, v in y.items()), ZERO)


def dual_value_affine(lp: LP, y: dict) -> tuple:
    """The dual objective as an affine function a + b t of the parameter: (a, b)."""
    return (sum((lp.rhs0[i] * v for i, v in y.items()), ZERO), sum((lp.rhs1[i] * v for i, v in y.items()), ZERO))


def tight_columns(lp: LP, y: dict, homogeneous: bool = False) -> list:
    """Columns where the dual constraint holds with equality (sorted)."""
    aty = dual_products(lp, y)
    return [j for j in range(lp.ncols) if aty[j] == (ZERO if homogeneous else lp.objective.get(j, ZERO))]


def check_tight(lp: LP, y: dict, tight: list, homogeneous: bool = False) -> str | None:
    """The stated tight set must be exactly the set of tight dual constraints, and every dual entry
    must occur in some tight column (so each stored dual value is pinned by an equation)."""
    actual = tight_columns(lp, y, homogeneous)
    if sorted(tight) != actual or len(set(tight)) != len(tight):
        extra = sorted(set(tight) - set(actual))[:3]
        missing = sorted(set(actual) - set(tight))[:3]
        return f"stated tight columns differ from the exact ones (not tight: {extra}, unlisted: {missing})"
    rep = first_identical_rows(lp)
    for i in sorted(y):
        if rep[i] != i:
            return f"dual entry on row {i}, a repeat of row {rep[i]} (use the first of identical rows)"
    tset = set(actual)
    for i in y:
        if not any(j in tset for j in lp.rows[i]):
            return f"dual entry of row {lp.row_names[i] if lp.row_names else i} occurs in no tight column"
    return None


def complementary(lp: LP, x: dict, tight: list) -> str | None:
    """Primal support must lie inside the dual's tight set."""
    tset = set(tight)
    bad = [j for j in x if j not in tset]
    if bad:
        return f"primal column {bad[0]} is in the support but its dual constraint is slack"
    return None


def canonical_primal(lp: LP, x: dict) -> str | None:
    """Support columns must not repeat an earlier column (same coefficients in every row, same cost,
    same sign constraint): identical columns are interchangeable, so the first one is used. This makes
    every stored primal index load-bearing."""
    if not x:
        return None
    rep = first_identical_columns(lp)
    for j in sorted(x):
        if rep[j] != j:
            return f"primal column {j} repeats column {rep[j]} (use the first of identical columns)"
    return None


def first_identical_columns(lp: LP) -> list:
    """rep[j] = the first column identical to column j (cached on the LP)."""
    cache = getattr(lp, "_first_cols", None)
    if cache is not None and len(cache) == lp.ncols:  # reset by add_row; columns do not depend on rhs
        return cache
    sig = [[] for _ in range(lp.ncols)]
    for i, row in enumerate(lp.rows):
        for j, a in row.items():
            sig[j].append((i, a))
    first, rep = {}, []
    for j in range(lp.ncols):
        key = (tuple(sig[j]), lp.objective.get(j, 0), lp.nonneg[j])
        rep.append(first.setdefault(key, j))
    lp._first_cols = rep
    return rep


def first_identical_rows(lp: LP) -> list:
    """rep[i] = the first row identical to row i (coefficients, sense, rhs; cached on the LP)."""
    snapshot = (tuple(lp.rhs0), tuple(lp.rhs1))
    cache = getattr(lp, "_first_rows", None)
    if cache is not None and cache[0] == snapshot and len(cache[1]) == lp.nrows:
        return cache[1]
    first, rep = {}, []
    for i, row in enumerate(lp.rows):
        key = (frozenset(row.items()), lp.senses[i], lp.rhs0[i], lp.rhs1[i])
        rep.append(first.setdefault(key, i))
    lp._first_rows = (snapshot, rep)
    return rep
