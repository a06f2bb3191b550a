"""Small exact / interval checks for Chaves–Kueng–Brask–Gross (claims C002-10/11/13).

Kinds:
  ckbg-functional-values  data: functional (named), outcomes (per context), points [{"p", "value"}]:
                          normalised distributions and exact evaluation.
  ckbg-inequality-face         data: model (named), functional (named), bound, space ("probability"|"correlator"),
                          max, tight_count, face_dimension, polytope_dimension. Claim: valid facet.
  ckbg-a-to-b-violation        data: t_poly (coefficients in e, lowest first): for every e in (0,1), the state
                          √e|00> + √(1-e)|11> with the measurements of L1638-1685 and tan(θ/2) = t(e)
                          gives I_{A→B} > 4 (exact Sturm sign proofs).
"""
from __future__ import annotations

from fractions import Fraction

import flint

from ...kernel import upoly
from ...kernel.numbers import format_rational, to_rational
from ...relaxations import functionals as fn
from ...relaxations.lps import build_model
from . import Outcome, checker


@checker("ckbg-functional-values")
def functional_values(cert, reader) -> Outcome:
    with reader.context("data.functional"):
        f = fn.named_functional(reader.get("data.functional", dict))
    pts = reader.get("data.points", list)
    for k, pt in enumerate(pts):
        with reader.context(f"data.points.{k}"):
            p = [to_rational(v) for v in pt["p"]]
            want = to_rational(pt["value"])
            nout = reader.get("data.outcomes", int)
            nctx, nout_f = fn.functional_shape(reader.get("data.functional", dict))
            if nout != nout_f or len(p) != nctx * nout:
                raise ValueError(f"distribution has {len(p)} entries, the functional needs {nctx} x {nout_f}")
            if any(v < 0 for v in p) or any(sum(p[c:c + nout]) != 1 for c in range(0, len(p), nout)):
                raise ValueError("distribution is not nonnegative and normalised in every context")
            got = fn.evaluate(f, p)
            if got != want:
                raise ValueError(f"functional value is {got}, not {want}")
    return Outcome("verified", f"{len(pts)} exact functional values")


def _affine_dim(points) -> int:
    if not points:
        return -1
    base = points[0]
    rows = [[a - b for a, b in zip(p, base)] for p in points[1:]]
    if not rows:
        return 0
    if all(type(v) is int for r in rows for v in r):
        return flint.fmpz_mat(len(rows), len(rows[0]), [v for r in rows for v in r]).rank()
    m = flint.fmpq_mat(len(rows), len(rows[0]), [flint.fmpq(v.numerator, v.denominator) if isinstance(v, Fraction)
                                                 else v for r in rows for v in r])
    return m.rank()


@checker("ckbg-inequality-face")
def inequality_face(cert, reader) -> Outcome:
    with reader.context("data.model"):
        model = build_model(reader.get("data.model", dict))
    with reader.context("data.functional"):
        f = fn.named_functional(reader.get("data.functional", dict))
        fn.check_shape(reader.get("data.functional", dict), len(model.contexts), len(model.outcomes))
    space = reader.get("data.space", str)
    if space not in ("probability", "correlator"):
        raise reader.fail("data.space", 'must be "probability" or "correlator"')
    nout = len(model.outcomes)
    if nout != 4:
        raise reader.fail("data.model", "binary outputs for both parties are required")
    pts = set()
    for col in model.observation_columns():
        p = [0] * model.size
        for c, o in enumerate(col):
            p[c * nout + o] = 1
        if space == "correlator":
            p = [p[c * 4] - p[c * 4 + 1] - p[c * 4 + 2] + p[c * 4 + 3] for c in range(len(model.contexts))]
        pts.add(tuple(p))
    pts = sorted(pts)

    def value(p):
        if space == "probability":
            return fn.evaluate(f, p)
        full = []
        for e in p:  # a correlator-only functional: evaluate on any lift with these correlators
            full += [Fraction(1 + e, 4), Fraction(1 - e, 4), Fraction(1 - e, 4), Fraction(1 + e, 4)]
        return fn.evaluate(f, full)

    vals = [value(p) for p in pts]
    bound = reader.rational("data.bound")
    mx = max(vals)
    if mx != reader.rational("data.max"):
        raise reader.fail("data.max", f"the maximum over the {len(pts)} deterministic points is {mx}")
    tight = [p for p, v in zip(pts, vals) if v == bound]
    if len(tight) != reader.get("data.tight_count", int):
        raise reader.fail("data.tight_count", f"{len(tight)} deterministic points attain the bound")
    dim = _affine_dim(pts)
    fdim = _affine_dim(tight)
    if dim != reader.get("data.polytope_dimension", int):
        raise reader.fail("data.polytope_dimension", f"the polytope has affine dimension {dim}")
    if fdim != reader.get("data.face_dimension", int):
        raise reader.fail("data.face_dimension", f"the tight face has affine dimension {fdim}")
    facet = mx <= bound and mx == bound and fdim == dim - 1
    detail = (f"{space} space: {len(pts)} distinct deterministic points, max {mx} (bound {bound}), polytope dim "
              f"{dim}, tight face dim {fdim}: {'valid facet' if facet else 'not a facet'}")
    if facet:
        return Outcome("verified", detail)
    if cert.verdict == "refuted":
        ce = reader.get("expected.counterexample", dict)
        if ce.get("face_dimension") != fdim or ce.get("polytope_dimension") != dim:
            raise reader.fail("expected.counterexample", "must state the exact face and polytope dimensions")
    return Outcome("refuted", detail)


def _poly(coeffs):
    return upoly.trim([Fraction(c) for c in coeffs])


def _positive_open01(a) -> bool:
    """a > 0 on the open interval (0, 1): strip the factors e and (1 − e), then the squarefree part has
    no root in (0, 1] (Sturm) and a(1/2) > 0."""
    a = upoly.trim(a)
    if not a:
        return False
    while a[0] == 0:
        a = a[1:]
    while upoly.evaluate(a, Fraction(1)) == 0:
        a = upoly.divmod_(a, [Fraction(1), Fraction(-1)])[0]
    sq = upoly.divmod_(a, upoly.gcd(a, upoly.derivative(a)))[0] if len(a) > 1 else a
    return upoly.count_roots(sq, Fraction(0), Fraction(1)) == 0 and upoly.evaluate(a, Fraction(1, 2)) > 0


@checker("ckbg-a-to-b-violation")
def a_to_b_violation(cert, reader) -> Outcome:
    t = _poly(reader.rational("data.t_poly", c) for c in reader.get("data.t_poly", list))
    if not _positive_open01(t):
        raise reader.fail("data.t_poly", "t(e) must be positive on (0, 1)")
    one = [Fraction(1)]
    D = upoly.add(one, upoly.mul(t, t))  # 1 + t²
    cos_b = upoly.add(one, upoly.scale(upoly.mul(t, t), -1))  # (1 - t²)  [/D]
    sin_b = upoly.scale(t, 2)  # 2t [/D]
    e = [Fraction(0), Fraction(1)]
    u = upoly.add(e, upoly.scale(upoly.mul(e, e), -1))  # e(1-e) = s²
    # Alice: θ^A = (0, π, π/2); Bob: θ^B = (0, θ, −π); all scaled by D
    A = [(1, 0), (-1, 0), (0, 1)]
    B = [(D, []), (cos_b, sin_b), (upoly.scale(D, -1), [])]
    coef = fn.I_A_TO_B
    P, Q = [], []  # D·I = P + Q·s, with s = sqrt(e(1-e))
    for (x, y), c in coef.items():
        ca, sa = A[x]
        cb, sb = B[y]
        # <psi| A⊗B |psi> = e·ca·cb + (1-e)·ca·cb + 2 s·sa·sb  (state sqrt(e)|00> + sqrt(1-e)|11>)
        P = upoly.add(P, upoly.scale(cb, c * ca))
        Q = upoly.add(Q, upoly.scale(sb, 2 * c * sa))
    P4 = upoly.add(P, upoly.scale(D, -4))  # D·(I − 4) = P4 + Q s
    stated = reader.get("data.excess", dict)
    if _poly(reader.rational("data.excess.P", v) for v in stated.get("P", [])) != P4 or \
            _poly(reader.rational("data.excess.Q", v) for v in stated.get("Q", [])) != Q:
        raise reader.fail("data.excess", f"D·(I-4) = P + Q s has P = {P4}, Q = {Q}")
    if not _positive_open01(Q):
        raise reader.fail("data.t_poly", "Q must be positive on (0,1)")
    # P + Q s > 0 ⇐ Q > 0 and Q² u − P² > 0 (covers P < 0); if P >= 0 it is immediate
    crit = upoly.add(upoly.mul(upoly.mul(Q, Q), u), upoly.scale(upoly.mul(P4, P4), -1))
    if not _positive_open01(crit):
        return Outcome("refuted", "Q² e(1-e) − P² is not positive on (0,1)")
    return Outcome("verified", "I_{A->B} − 4 > 0 for every e in (0,1) with tan(θ/2) = t(e) (Sturm, exact)")


@checker("ckbg-bilocal-violation")
def bilocal_violation(cert, reader) -> Outcome:
    """data: I_coeffs [i0, i1], J_coeffs [j0, j1] (I, J affine in v²), threshold_v2: for the distribution of
    eqs. (54)-(55), I = J = i0 + i1 v² (checked at v² = 0 and 1, both sides affine), so B = √I + √J =
    2√(v²/2) = √2·v exceeds the bilocal bound 1 iff v² > 1/2 (checked: 4·I(v²) = 1 ⇔ v² = threshold)."""
    i0, i1 = (reader.rational("data.I_coeffs", v) for v in reader.get("data.I_coeffs", list))
    j0, j1 = (reader.rational("data.J_coeffs", v) for v in reader.get("data.J_coeffs", list))
    for v2 in (Fraction(0), Fraction(1)):
        I, J = fn.bilocal_ij(fn.bilocal_binary(v2))
        if I != i0 + i1 * v2 or J != j0 + j1 * v2:
            raise reader.fail("data", f"at v^2 = {v2}: I = {I}, J = {J}")
    thr = reader.rational("data.threshold_v2")
    # B > 1 ⇔ (√I + √J)² > 1; with I = J: 4 I > 1
    if not (i0 == j0 and i1 == j1 and i1 > 0 and 4 * (i0 + i1 * thr) == 1):
        raise reader.fail("data.threshold_v2", "B = 1 is not reached at this v^2 (or I != J)")
    return Outcome("verified", f"I = J = {i0} + {i1} v^2, so B = 2 sqrt(I) exceeds 1 iff v^2 > {thr}")


@checker("ckbg-marginal-parametrisation")
def marginal_parametrisation(cert, reader) -> Outcome:
    """data: inputs m (Alice's inputs, binary outputs), free (table indices, lexicographic over (α_0..α_{m-1})),
    formulas {table: {"const": c, "coeffs": {free_table: coef}}} for the other tables. Claim: q^a with trivial
    marginals p_A(0|x) = 1/2 for every x and Σ q^a = 1 is exactly the affine family given by the formulas
    (the constraints hold identically, and the free tables are independent: rank = #tables − #free)."""
    from itertools import product as iproduct

    m = reader.get("data.inputs", int)
    if not 1 <= m <= 4:
        raise reader.fail("data.inputs", "1..4 inputs")
    tables = list(iproduct(range(2), repeat=m))
    free = reader.get("data.free", list)
    if any(not isinstance(f, int) or isinstance(f, bool) or not 0 <= f < len(tables) for f in free) or \
            len(set(free)) != len(free):
        raise reader.fail("data.free", "must be distinct table indices")
    forms = reader.get("data.formulas", dict)
    dep = [k for k in range(len(tables)) if k not in free]
    if sorted(int(k) for k in forms if k.isdigit()) != dep or len(forms) != len(dep):
        raise reader.fail("data.formulas", f"need one formula for each non-free table {dep}")
    # q_k = const_k + Σ coef_kf q_f ; represent each q as a vector over (1, free…)
    vec = {}
    for f in free:
        vec[f] = [Fraction(0)] + [Fraction(int(g == f)) for g in free]
    for k in dep:
        fm = forms[str(k)]
        with reader.context(f"data.formulas.{k}"):
            coeffs = fm.get("coeffs", {})
            if any(not str(g).isdigit() or int(g) not in free for g in coeffs):
                raise ValueError("coefficients may only refer to free tables")
            vec[k] = [to_rational(fm["const"])] + [to_rational(coeffs.get(str(g), 0)) for g in free]
    eqs = [([1] * len(tables), Fraction(1))]
    for x in range(m):
        eqs.append(([int(t[x] == 0) for t in tables], Fraction(1, 2)))
    for e, (row, rhs) in enumerate(eqs):
        comb = [sum(row[k] * vec[k][c] for k in range(len(tables))) for c in range(len(free) + 1)]
        if comb[0] != rhs or any(comb[1:]):
            raise reader.fail("data.formulas", f"constraint {e} (normalisation / p_A(0|x) = 1/2) does not hold identically")
    r = _affine_dim([[Fraction(0)] * len(tables)] + [list(map(Fraction, row)) for row, _ in eqs])
    if r != len(tables) - len(free):
        raise reader.fail("data.free", f"the constraints have rank {r}: {len(tables) - r} free parameters, not {len(free)}")
    return Outcome("verified", f"{len(tables)} Alice tables, {len(eqs)} independent constraints, free tables {free}")


