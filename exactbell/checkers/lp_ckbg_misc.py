"""Small exact / interval checks for Chaves–Kueng–Brask–Gross (claims C002-07/10/11/13/17/18).

Kinds:
  ckbg-functional-values  data: functional (named), points [{"p", "value"}]: exact evaluation.
  entropy-interval        data: argument {"sqrt2": a, "rational": b} (x = a√2 + b), interval [lo, hi],
                          claimed (decimal as p/q), digits: proves lo < h(x) < hi with arb balls, hi-lo small,
                          h(x) rounds to the claimed value, and h(x) < 1 (less than one bit).
  pinsker-constant        data: joint (2×2 p(s, λ)), claimed_constant c: the claim I >= c·M²·log2(e) is
                          refuted when arb proves I < c·M²·log2(e) for this joint distribution.
  pinsker-threshold       data: info (p/q), printed (p/q), interval [lo, hi]: rigorous bracket of
                          I* = 2 + 4 sqrt(2 ln2 · info) (numeric-only; printed value compared by tolerance).
  inequality-face         data: model (named), functional (named), bound, space ("probability"|"correlator"),
                          max, tight_count, face_dimension, polytope_dimension. Claim: valid facet.
  a-to-b-violation        data: t_poly (coefficients in e, lowest first): for every e in (0,1), the state
                          √e|00> + √(1-e)|11> with the measurements of L1638-1685 and tan(θ/2) = t(e)
                          gives I_{A→B} > 4 (exact Sturm sign proofs).
"""
from __future__ import annotations

from fractions import Fraction

import flint

from ..core import upoly
from ..core.numbers import format_rational, to_rational
from ..relaxations import functionals as fn
from ..relaxations.lps import build_model
from . import Outcome, checker


def _arb(q: Fraction):
    return flint.arb(flint.fmpq(q.numerator, q.denominator))


def _h(x):
    """Binary entropy in bits of an arb ball strictly inside (0, 1)."""
    one = flint.arb(1)
    return -(x * x.log() + (one - x) * (one - x).log()) / flint.arb(2).log()


def _interval(reader, where):
    iv = reader.get(where, list)
    if len(iv) != 2:
        raise reader.fail(where, "must be [lo, hi]")
    lo, hi = reader.rational(where, iv[0]), reader.rational(where, iv[1])
    if not lo < hi:
        raise reader.fail(where, "needs lo < hi")
    return lo, hi


@checker("ckbg-functional-values")
def functional_values(cert, reader) -> Outcome:
    with reader.context("data.functional"):
        f = fn.named_functional(reader.get("data.functional", dict))
    pts = reader.get("data.points", list)
    for k, pt in enumerate(pts):
        with reader.context(f"data.points.{k}"):
            p = [to_rational(v) for v in pt["p"]]
            want = to_rational(pt["value"])
            size = max(f[0]) + 1
            if len(p) < size:
                raise ValueError(f"distribution has {len(p)} entries, the functional needs at least {size}")
            got = fn.evaluate(f, p)
            if got != want:
                raise ValueError(f"functional value is {got}, not {want}")
    return Outcome("verified", f"{len(pts)} exact functional values")


@checker("entropy-interval")
def entropy_interval(cert, reader) -> Outcome:
    a = reader.rational("data.argument.sqrt2")
    b = reader.rational("data.argument.rational")
    x = _arb(a) * flint.arb(2).sqrt() + _arb(b)
    if not (x > 0 and x < 1):
        raise reader.fail("data.argument", "argument must lie in (0, 1)")
    lo, hi = _interval(reader, "data.interval")
    h = _h(x)
    if not (h > _arb(lo) and h < _arb(hi)):
        raise reader.fail("data.interval", f"h = {h} is not proven inside [{lo}, {hi}]")
    if hi - lo > Fraction(1, 10**6):
        raise reader.fail("data.interval", "interval wider than 1e-6")
    claimed = reader.rational("data.claimed")
    digits = reader.get("data.digits", int)
    half = Fraction(1, 2 * 10**digits)
    if not (claimed - half <= lo and hi <= claimed + half):
        return Outcome("refuted", f"h = {h} does not round to {claimed} at {digits} digits",
                       (format_rational(lo), format_rational(hi)))
    if not hi < 1:
        return Outcome("refuted", "h is not below 1 bit", (format_rational(lo), format_rational(hi)))
    return Outcome("verified", f"h({a}*sqrt2 + {b}) in [{lo}, {hi}] (arb), rounds to {claimed}, < 1 bit",
                   (format_rational(lo), format_rational(hi)))


@checker("pinsker-constant")
def pinsker_constant(cert, reader) -> Outcome:
    J = reader.get("data.joint", list)
    if len(J) != 2 or any(not isinstance(r, list) or len(r) != 2 for r in J):
        raise reader.fail("data.joint", "must be a 2x2 joint distribution p(s, lambda)")
    P = [[reader.rational("data.joint", v) for v in r] for r in J]
    if any(v <= 0 for r in P for v in r) or sum(sum(r) for r in P) != 1:
        raise reader.fail("data.joint", "must be a strictly positive normalised distribution")
    ps = [sum(r) for r in P]
    pl = [P[0][j] + P[1][j] for j in range(2)]
    M = sum(abs(P[i][j] - ps[i] * pl[j]) for i in range(2) for j in range(2))
    if M != reader.rational("data.M"):
        raise reader.fail("data.M", f"the l1 distance is {M}")
    info = flint.arb(0)
    for i in range(2):
        for j in range(2):
            info += _arb(P[i][j]) * (_arb(P[i][j] / (ps[i] * pl[j]))).log()
    info = info / flint.arb(2).log()  # bits
    c = reader.rational("data.claimed_constant")
    bound = _arb(c * M * M) / flint.arb(2).log()  # c · M² · log2(e)
    half = _arb(M * M / 2) / flint.arb(2).log()
    if not info >= half:
        raise reader.fail("data.joint", "the correct Pinsker bound (M²/2)·log2 e fails: arithmetic error")
    if info < bound:
        ce = reader.get("expected.counterexample", dict, default={})
        if cert.verdict == "refuted" and to_rational(ce.get("M", "0")) != M:
            raise reader.fail("expected.counterexample", "must state the exact M of the joint distribution")
        return Outcome("refuted", f"I = {info} bits < {c}·M²·log2 e = {bound} with M = {M} (and >= (M²/2) log2 e)")
    return Outcome("numeric-only", f"no violation found: I = {info}, bound {bound}")


@checker("pinsker-threshold")
def pinsker_threshold(cert, reader) -> Outcome:
    info = reader.rational("data.info")
    lo, hi = _interval(reader, "data.interval")
    istar = flint.arb(2) + flint.arb(4) * (flint.arb(2) * flint.arb(2).log() * _arb(info)).sqrt()
    if not (istar > _arb(lo) and istar < _arb(hi)):
        raise reader.fail("data.interval", f"I* = {istar} not proven inside [{lo}, {hi}]")
    printed = reader.rational("data.printed")
    tol = reader.rational("expected.tolerance")
    ok = abs(printed - lo) <= tol and abs(printed - hi) <= tol
    return Outcome("numeric-only", f"I* = 2 + 4 sqrt(2 ln2 · {info}) in [{lo}, {hi}]; printed {printed} "
                   f"{'within' if ok else 'NOT within'} tolerance {tol}", (format_rational(lo), format_rational(hi)))


def _affine_dim(points) -> int:
    if not points:
        return -1
    base = points[0]
    rows = [[a - b for a, b in zip(p, base)] for p in points[1:]]
    if not rows:
        return 0
    m = flint.fmpq_mat(len(rows), len(rows[0]), [flint.fmpq(v.numerator, v.denominator) if isinstance(v, Fraction)
                                                 else v for r in rows for v in r])
    return m.rank()


@checker("inequality-face")
def inequality_face(cert, reader) -> Outcome:
    with reader.context("data.model"):
        model = build_model(reader.get("data.model", dict))
    with reader.context("data.functional"):
        f = fn.named_functional(reader.get("data.functional", dict))
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


@checker("a-to-b-violation")
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
