"""Kinds ``facet-quantum-violation`` and ``facet-quantum-classes``: a facet of a signaling polytope
of Sengupta–Wooltorton (Table I) violated by an exact two-qubit quantum behaviour.

The checker rebuilds the model's points (Eq. (9), fixed rational parameters), checks that the
inequality <F, v> <= bound is a facet (valid on every point, tight on exactly ``tight_count``
points whose affine rank is dim − 1), rebuilds the behaviour from the exact strategy with the Born
rule — p(ab|xy) = Tr[ρ (Π_a^x ⊗ Π_b^y)], Π_a^x = (1 + (−1)^a A_x)/2 — and decides <F, P> > bound.
A listed behaviour is never trusted.

Coordinates (Eq. (5)): coordinate 4i + j = p(ab|xy) with i = 2x + a, j = 2y + b; ρ acts on
C² ⊗ C² with Alice's factor first (basis |00⟩, |01⟩, |10⟩, |11⟩).

``facet-quantum-violation`` data:
  model      a named signaling model (one-way-symmetric, two-way-symmetric, fixed-bit, general),
             its parameters in ``parameters``
  facet      {"coefficients": [16 rationals], "bound": b, "tight_count": n}; n counts the model's
             distinct Eq. (9) points (not only its vertices) on which the inequality is tight
  strategy   {"state": 4×4 density matrix, "alice": [A0, A1], "bob": [B0, B1]}: entries are
             complex exact numbers ("1/2", "3/5 - 4/5*i"); ρ must be Hermitian, trace 1 and PSD
             (exact LDLᵀ), each observable Hermitian with square 1 (projective measurement)
  value      <F, P> (exact; must equal the recomputed value)
Verdict "verified" when value > bound (a quantum violation); a strategy that does not violate is an
error (it proves nothing either way).

``facet-quantum-classes`` data (one certificate per model, summarising Table I's "interesting"):
  model, generators (coordinate permutations), group_order (order of their closure),
  classes [{"facet", "strategy", "value"}, ...]: violated facets, each checked as above,
  violated_classes: the number of listed classes,
  paper_interesting (optional): the number of interesting classes the paper states.
The listed facets must be pairwise inequivalent under the relabeling group: each facet is an affine
functional determined up to a positive factor and the affine-hull equations, so its canonical form
(reduced modulo the hull equations, scaled to a primitive integer vector) identifies it; two facets
are equivalent when a group element maps one canonical form onto the other. Every generator must
map the hull equations' span onto itself (otherwise canonical forms would not be comparable).
The group need not preserve the polytope: a relabeling maps quantum behaviours to quantum behaviours,
so counting classes under a larger group only lowers the count (a conservative refutation).
Verdict: with paper_interesting = N, "refuted" when k > N classes are violated (expected counterexample
{"violated_classes": k, "paper_interesting": N}; k <= N is an error: such a list proves nothing about
the paper's count). Without it, "numeric-only": an exact lower bound on the number of violated classes
that neither confirms nor refutes the paper (unviolated classes cannot be certified here).
"""
from __future__ import annotations

from fractions import Fraction
from math import gcd, lcm

from ...kernel.gaussian import Gaussian, herm_psd, parse_gaussian
from ...kernel.numbers import format_rational
from ...polytopes import models as pm
from . import Outcome, checker

N = 16


# ---------------------------------------------------------------------------------------------
# model and facet

def build_model(reader):
    name = reader.get("data.model", str)
    if name not in pm.MODELS:
        raise reader.fail("data.model", f"unknown signaling model {name!r} (known: {', '.join(pm.MODELS)})")
    with reader.context("parameters"):
        return pm.named_signaling(name, **dict(reader.fixed))


def _int_points(M):
    """(L, points scaled by the positive common denominator L as integer tuples), cached on the model."""
    cached = getattr(M, "_fqv_int_points", None)
    if cached is None:
        L = lcm(*[x.denominator for v in M.points for x in v])
        cached = (L, [tuple(int(x * L) for x in v) for v in M.points])
        M._fqv_int_points = cached
    return cached


def check_facet(reader, M, spec, where: str):
    """(coefficients, bound) of a facet inequality <F, v> <= bound, checked on the model's points."""
    if not isinstance(spec, dict):
        raise reader.fail(where, "must be an object")
    coef = spec.get("coefficients")
    if not isinstance(coef, list) or len(coef) != N:
        raise reader.fail(f"{where}.coefficients", f"must be a list of {N} numbers")
    F = [reader.rational(f"{where}.coefficients", x) for x in coef]
    b = reader.rational(f"{where}.bound", spec.get("bound"))
    # exact integer arithmetic: scale F, b and the points by positive common denominators
    m = lcm(*[x.denominator for x in F + [b]])
    Fi, bi = [int(x * m) for x in F], int(b * m)
    L, pts = _int_points(M)
    vals = [sum(f * x for f, x in zip(Fi, v) if f) - bi * L for v in pts]  # = m·L·(<F, v> − b)
    bad = next((k for k, v in enumerate(vals) if v > 0), None)
    if bad is not None:
        raise reader.fail(f"{where}.coefficients", f"not valid: the point of label {list(M.labels[bad][0])} "
                          f"exceeds the bound by {format_rational(Fraction(vals[bad], m * L))}")
    tight = [k for k, v in enumerate(vals) if v == 0]
    if spec.get("tight_count") != len(tight):
        raise reader.fail(f"{where}.tight_count", f"the inequality is tight on {len(tight)} points")
    ps = M.pointset
    dim = ps.affine_dim()
    rk = ps.rank(tight) - 1 if tight else -1
    if rk != dim - 1:
        raise reader.fail(f"{where}.coefficients", f"not a facet: affine rank {rk} of the tight points, "
                          f"a facet of this {dim}-dimensional polytope needs {dim - 1}")
    return F, b


# ---------------------------------------------------------------------------------------------
# exact two-qubit strategy

def _matrix(reader, where: str, value, n: int):
    if not isinstance(value, list) or len(value) != n or any(not isinstance(r, list) or len(r) != n for r in value):
        raise reader.fail(where, f"must be a {n}x{n} matrix")
    with reader.context(where):
        return [[parse_gaussian(z) for z in row] for row in value]


def _mul(X, Y):
    n, m, k = len(X), len(Y[0]), len(Y)
    return [[sum((X[i][t] * Y[t][j] for t in range(k)), Gaussian(0)) for j in range(m)] for i in range(n)]


def _hermitian(X) -> bool:
    return all(X[i][j] == X[j][i].conj() for i in range(len(X)) for j in range(len(X)))


def read_strategy(reader, spec, where: str):
    if not isinstance(spec, dict):
        raise reader.fail(where, "must be an object")
    rho = _matrix(reader, f"{where}.state", spec.get("state"), 4)
    if not _hermitian(rho):
        raise reader.fail(f"{where}.state", "the density matrix is not Hermitian")
    tr = sum((rho[i][i] for i in range(4)), Gaussian(0))
    if tr != Gaussian(1):
        raise reader.fail(f"{where}.state", f"trace is {tr.to_text()}, not 1")
    with reader.context(f"{where}.state"):
        res = herm_psd(rho)
    if not res.psd:
        raise reader.fail(f"{where}.state", "the density matrix is not positive semidefinite "
                          f"(witness vector gives {res.witness_value.to_text() if hasattr(res.witness_value, 'to_text') else res.witness_value})")
    obs = {}
    ident = [[Gaussian(1), Gaussian(0)], [Gaussian(0), Gaussian(1)]]
    for party in ("alice", "bob"):
        lst = spec.get(party)
        if not isinstance(lst, list) or len(lst) != 2:
            raise reader.fail(f"{where}.{party}", "must list two 2x2 observables (inputs 0 and 1)")
        obs[party] = []
        for x, O in enumerate(lst):
            w = f"{where}.{party}[{x}]"
            O = _matrix(reader, w, O, 2)
            if not _hermitian(O):
                raise reader.fail(w, "the observable is not Hermitian")
            if _mul(O, O) != ident:
                raise reader.fail(w, "the observable does not square to the identity (not a projective ±1 measurement)")
            obs[party].append(O)
    return rho, obs["alice"], obs["bob"]


def born_behaviour(rho, alice, bob) -> list:
    """Eq. (5) coordinates p(ab|xy) = Tr[ρ (Π_a^x ⊗ Π_b^y)], exact."""
    half = Fraction(1, 2)

    def proj(O, a):
        s = 1 if a == 0 else -1
        return [[((1 if i == j else 0) + s * O[i][j]) * half for j in range(2)] for i in range(2)]

    out = [Fraction(0)] * N
    nonzero = [(i, j) for i in range(4) for j in range(4) if rho[i][j] != 0]
    for x in (0, 1):
        for a in (0, 1):
            PA = proj(alice[x], a)
            for y in (0, 1):
                for b in (0, 1):
                    PB = proj(bob[y], b)
                    # Tr[ρ (PA ⊗ PB)] = Σ_ij ρ_ij (PA ⊗ PB)_ji, over the nonzero entries of ρ
                    t = sum((rho[i][j] * PA[j // 2][i // 2] * PB[j % 2][i % 2] for i, j in nonzero), Gaussian(0))
                    if t.im != 0:
                        raise ValueError("a Born-rule probability came out non-real (internal inconsistency)")
                    out[4 * (2 * x + a) + 2 * y + b] = t.re
    return out


def _check_ns(P):
    """Both no-signalling directions (automatic for a quantum behaviour; a sanity check)."""
    def p(x, a, y, b):
        return P[4 * (2 * x + a) + 2 * y + b]
    for x in (0, 1):
        for a in (0, 1):
            if p(x, a, 0, 0) + p(x, a, 0, 1) != p(x, a, 1, 0) + p(x, a, 1, 1):
                return False
    for y in (0, 1):
        for b in (0, 1):
            if p(0, 0, y, b) + p(0, 1, y, b) != p(1, 0, y, b) + p(1, 1, y, b):
                return False
    return all(v >= 0 for v in P)


def decide_violation(reader, M, entry: dict, where: str):
    """Check one {facet, strategy, value} entry; return (F, b, value)."""
    pre = where + "."
    F, b = check_facet(reader, M, entry.get("facet"), pre + "facet")
    rho, A, B = read_strategy(reader, entry.get("strategy"), pre + "strategy")
    with reader.context(pre + "strategy"):
        P = born_behaviour(rho, A, B)
    if not _check_ns(P):
        raise reader.fail(pre + "strategy", "the recomputed behaviour is not a non-signaling probability distribution")
    value = sum((f * x for f, x in zip(F, P)), Fraction(0))
    if reader.rational(pre + "value", entry.get("value")) != value:
        raise reader.fail(pre + "value", f"the strategy gives <F,P> = {format_rational(value)}")
    if not value > b:
        raise reader.fail(pre + "strategy", f"no violation: <F,P> = {format_rational(value)} <= bound {format_rational(b)}")
    return F, b, value


@checker("facet-quantum-violation")
def decide(cert, reader) -> Outcome:
    M = build_model(reader)
    F, b, value = decide_violation(reader, M, cert.data, "data")
    return Outcome("verified", f"facet of {M.name} ({M.pointset.affine_dim()}-dim) violated by an exact two-qubit "
                   f"behaviour: <F,P> = {format_rational(value)} > {format_rational(b)} "
                   f"(by {format_rational(value - b)})")


# ---------------------------------------------------------------------------------------------
# classes

def _rref(rows):
    """Reduced row echelon form over Q: (rows, pivot columns)."""
    A = [[Fraction(x) for x in r] for r in rows]
    piv, r = [], 0
    ncol = len(A[0]) if A else 0
    for c in range(ncol):
        k = next((i for i in range(r, len(A)) if A[i][c] != 0), None)
        if k is None:
            continue
        A[r], A[k] = A[k], A[r]
        inv = 1 / A[r][c]
        A[r] = [x * inv for x in A[r]]
        for i in range(len(A)):
            if i != r and A[i][c] != 0:
                f = A[i][c]
                A[i] = [x - f * y for x, y in zip(A[i], A[r])]
        piv.append(c)
        r += 1
    return A[:r], piv


class HullGauge:
    """Canonical forms of affine functionals h = (h_0, h_1..h_n) (h·(1, v)) modulo the equations of
    the affine hull of the points: reduce modulo their row space, then make primitive integer."""

    def __init__(self, M):
        ps = M.pointset
        eqs = ps.nullspace(range(ps.size))
        self.rows, self.piv = _rref(eqs) if eqs else ([], [])
        # the same rows scaled to integers (pivot entry d > 0), for fast exact canonical forms
        self.irows = []
        for row, c in zip(self.rows, self.piv):
            m = lcm(*[x.denominator for x in row])
            self.irows.append(([int(x * m) for x in row], c, m))

    def reduce(self, h):
        h = [Fraction(x) for x in h]
        for row, c in zip(self.rows, self.piv):
            if h[c] != 0:
                f = h[c]
                h = [x - f * y for x, y in zip(h, row)]
        return h

    def canon(self, h) -> tuple:
        """Primitive integer vector positively proportional to reduce(h) (integer arithmetic)."""
        if all(type(x) is int for x in h):
            ints = list(h)
        else:
            h = [Fraction(x) for x in h]
            m = lcm(*[x.denominator for x in h])
            ints = [int(x * m) for x in h]
        for row, c, d in self.irows:  # d·h − h_c·row zeroes column c; d > 0 keeps the direction
            if ints[c] != 0:
                hc = ints[c]
                ints = [d * x - hc * y for x, y in zip(ints, row)]
        g = 0
        for x in ints:
            g = gcd(g, x)
        return tuple(x // g for x in ints) if g else tuple(ints)

    def preserved_by(self, pi) -> bool:
        """Does the coordinate permutation pi map the span of the hull equations onto itself?"""
        for row in self.rows:
            img = [Fraction(0)] * len(row)
            img[0] = row[0]
            for k in range(N):
                img[1 + pi[k]] = row[1 + k]
            if any(x != 0 for x in self.reduce(img)):
                return False
        return True


def functional_image(pi, F) -> list:
    out = [None] * N
    for k in range(N):
        out[pi[k]] = F[k]
    return out


@checker("facet-quantum-classes")
def decide_classes(cert, reader) -> Outcome:
    M = build_model(reader)
    gauge = HullGauge(M)
    gens = []
    for k, g in enumerate(reader.get("data.generators", list)):
        if not isinstance(g, list) or sorted(g) != list(range(N)) or not all(isinstance(i, int) and not isinstance(i, bool) for i in g):
            raise reader.fail(f"data.generators[{k}]", f"must be a permutation of range({N})")
        if not gauge.preserved_by(tuple(g)):
            raise reader.fail(f"data.generators[{k}]", "does not map the affine hull's equations onto themselves")
        gens.append(tuple(g))
    with reader.context("data.generators"):
        group = pm.closure(gens, N) if gens else [tuple(range(N))]
    if reader.get("data.group_order", int) != len(group):
        raise reader.fail("data.group_order", f"the generators give a group of order {len(group)}")
    classes = reader.get("data.classes", list)
    if not classes:
        raise reader.fail("data.classes", "empty")
    keys, excess = {}, []
    for k, c in enumerate(classes):
        w = f"data.classes[{k}]"
        if not isinstance(c, dict):
            raise reader.fail(w, "must be an object")
        F, b, value = decide_violation(reader, M, c, w)
        m = lcm(*[x.denominator for x in F + [b]])  # h·(1, v) = m(<F, v> − b) <= 0, as integers
        Fi, b0 = [int(x * m) for x in F], -int(b * m)
        key = min(gauge.canon([b0] + functional_image(pi, Fi)) for pi in group)
        if key in keys:
            raise reader.fail(w, f"is equivalent under the relabeling group to data.classes[{keys[key]}]")
        keys[key] = k
        excess.append(value - b)
    k = len(classes)
    if reader.get("data.violated_classes", int) != k:
        raise reader.fail("data.violated_classes", f"the list holds {k} violated classes")
    base = (f"{k} pairwise inequivalent facet classes of {M.name} (group of order {len(group)}) violated by exact "
            f"two-qubit behaviours")
    if "paper_interesting" not in cert.data:
        return Outcome("numeric-only", "at least " + base + "; unviolated classes cannot be certified, so the "
                       "paper's count is neither confirmed nor refuted")
    paper = reader.get("data.paper_interesting", int)
    if k <= paper:
        raise reader.fail("data.paper_interesting", f"{k} violated classes do not exceed the paper's {paper}: "
                          "this list cannot refute it (omit paper_interesting for a lower bound)")
    ce = cert.expected.get("counterexample")
    want = {"violated_classes": k, "paper_interesting": paper}
    if ce != want:
        raise reader.fail("expected.counterexample", f"must be {want}")
    return Outcome("refuted", base + f", more than the paper's {paper} interesting classes")
