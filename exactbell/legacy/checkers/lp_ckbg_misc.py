"""Small exact / interval checks for Chaves–Kueng–Brask–Gross (claims C002-07/10/11/13/17/18).

Kinds:
  ckbg-functional-values  data: functional (named), outcomes (per context), points [{"p", "value"}]:
                          normalised distributions and exact evaluation.
  ckbg-entropy-interval        data: argument {"sqrt2": a, "rational": b} (x = a√2 + b), interval [lo, hi],
                          claimed (decimal as p/q), digits: proves lo < h(x) < hi with arb balls, hi-lo small,
                          h(x) rounds to the claimed value, and h(x) < 1 (less than one bit).
  ckbg-pinsker-constant        data: joint (2×2 p(s, λ)), M, claimed_constant c, information_bits and claimed_bound
                          (rational brackets of I and c·M²·log2 e): the claim I >= c·M²·log2(e) is refuted when
                          arb proves I < c·M²·log2(e) for this joint distribution.
  ckbg-pinsker-threshold       data: info (p/q), printed (p/q), interval [lo, hi]: rigorous bracket of
                          I* = 2 + 4 sqrt(2 ln2 · info) (numeric-only; printed value compared by tolerance).
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


@checker("ckbg-entropy-interval")
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
    if digits < 1 or (claimed * 10**digits).denominator != 1 or (claimed * 10 ** (digits - 1)).denominator == 1:
        raise reader.fail("data.digits", f"{claimed} is not a decimal with exactly {digits} digits")
    half = Fraction(1, 2 * 10**digits)
    if not (claimed - half <= lo and hi <= claimed + half):
        return Outcome("refuted", f"h = {h} does not round to {claimed} at {digits} digits",
                       (format_rational(lo), format_rational(hi)))
    if not hi < 1:
        return Outcome("refuted", "h is not below 1 bit", (format_rational(lo), format_rational(hi)))
    return Outcome("verified", f"h({a}*sqrt2 + {b}) in [{lo}, {hi}] (arb), rounds to {claimed}, < 1 bit",
                   (format_rational(lo), format_rational(hi)))


@checker("ckbg-pinsker-constant")
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
    for where, ball in (("data.information_bits", info), ("data.claimed_bound", bound)):
        lo, hi = _interval(reader, where)
        if not (ball > _arb(lo) and ball < _arb(hi)) or hi - lo > Fraction(1, 10**6):
            raise reader.fail(where, f"{ball} is not proven inside [{lo}, {hi}] (width <= 1e-6 required)")
    if info < bound:
        ce = reader.get("expected.counterexample", dict, default={})
        if cert.verdict == "refuted" and (to_rational(ce.get("M", "0")) != M or ce.get("joint") != J):
            raise reader.fail("expected.counterexample", "must state the joint distribution and its exact M")
        return Outcome("refuted", f"I = {info} bits < {c}·M²·log2 e = {bound} with M = {M} (and >= (M²/2) log2 e)")
    return Outcome("numeric-only", f"no violation found: I = {info}, bound {bound}")


@checker("ckbg-pinsker-threshold")
def pinsker_threshold(cert, reader) -> Outcome:
    info = reader.rational("data.info")
    lo, hi = _interval(reader, "data.interval")
    istar = flint.arb(2) + flint.arb(4) * (flint.arb(2) * flint.arb(2).log() * _arb(info)).sqrt()
    if not (istar > _arb(lo) and istar < _arb(hi)):
        raise reader.fail("data.interval", f"I* = {istar} not proven inside [{lo}, {hi}]")
    printed = reader.rational("data.printed")
    tol = reader.rational("expected.tolerance")
    ok = abs(printed - lo) <= tol and abs(printed - hi) <= tol
    return Outcome("numeric-only" if ok else "refuted", f"I* = 2 + 4 sqrt(2 ln2 · {info}) in [{lo}, {hi}]; printed {printed} "
                   f"{'within' if ok else 'NOT within'} tolerance {tol}", (format_rational(lo), format_rational(hi)))


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


def cglmp_quantum_value(d: int, gamma: list):
    """arb enclosure of I_d for the state Σ_j γ_j|jj>/|γ| with the standard CGLMP measurements
    (Fourier bases with phases α = (0, 1/2), β = (1/4, −1/4)): p(a,b|x,y) = |Σ_j γ_j ω^{j(b−a−α_x−β_y)}|²/(d²|γ|²)."""
    coef, const = fn.cglmp(d)
    al, be = (Fraction(0), Fraction(1, 2)), (Fraction(1, 4), Fraction(-1, 4))
    pi = flint.arb.pi()
    # I = Σ_{j,j'} γ_j γ_j' m[j - j'],  m[Δ] = Σ_k coef_k cos(2π Δ φ_k / d) / d²
    phases = {}
    for k, v in coef.items():
        ctx, o = divmod(k, d * d)
        x, y = divmod(ctx, 2)
        a, b = divmod(o, d)
        phi = b - a - al[x] - be[y]
        phases[phi] = phases.get(phi, 0) + v
    m = {}
    for delta in range(-(d - 1), d):
        acc = flint.arb(0)
        for phi, v in phases.items():
            if v:
                acc += _arb(Fraction(v)) * (2 * pi * _arb(Fraction(delta) * phi / d)).cos()
        m[delta] = acc / (d * d)
    g = [_arb(Fraction(x)) for x in gamma]
    num = sum((g[j] * g[jj] * m[j - jj] for j in range(d) for jj in range(d)), flint.arb(0))
    nrm = sum((x * x for x in g), flint.arb(0))
    return num / nrm + _arb(Fraction(const))


@checker("ckbg-cglmp-quantum-value")
def cglmp_quantum(cert, reader) -> Outcome:
    """data: d, gamma (rational Schmidt vector), interval [lo, hi] enclosing I_d of that explicit quantum
    strategy (a rigorous lower bound on the quantum maximum), threshold, above (bool: lo >= threshold?),
    margin (lo − threshold if above, else threshold − hi).
    The claim that smaller d cannot reach the threshold needs upper bounds (NPA): numeric-only."""
    d = reader.get("data.d", int)
    if not 2 <= d <= 40:
        raise reader.fail("data.d", "d must be in 2..40")
    gamma = [reader.rational("data.gamma", v) for v in reader.get("data.gamma", list)]
    if len(gamma) != d or not any(gamma):
        raise reader.fail("data.gamma", f"needs {d} entries, not all zero")
    lo, hi = _interval(reader, "data.interval")
    val = cglmp_quantum_value(d, gamma)
    if not (val > _arb(lo) and val < _arb(hi)) or hi - lo > Fraction(1, 10**6):
        raise reader.fail("data.interval", f"I_d = {val} not proven inside [{lo}, {hi}] (width <= 1e-6)")
    thr = reader.rational("data.threshold")
    above = reader.get("data.above", bool)
    if (lo >= thr) != above or (not above and hi >= thr):
        raise reader.fail("data.above", "inconsistent with the interval and the threshold")
    margin = lo - thr if above else thr - hi
    if reader.rational("data.margin") != margin:
        raise reader.fail("data.margin", f"the margin to the threshold is {margin}")
    npa = ""
    if "npa" in reader.get("data", dict):
        npa = _npa_note(reader, lo, thr)
    return Outcome("numeric-only", f"d = {d}: explicit quantum strategy gives I_d in [{lo}, {hi}] "
                   f"({'>=' if above else '<'} {thr}); optimality over all strategies not proven" + npa,
                   (format_rational(lo), format_rational(hi)))


def _npa_note(reader, lo, thr) -> str:
    """data.npa = {"level": "1" | "1+AB", "bound": decimal, "digits": k, "below": bool}: a NUMERIC NPA upper
    bound on the quantum maximum (solver output rounded to k decimals; not re-checked). Consistency checks
    only: it is a k-digit decimal, it is not below the explicit strategy's value (minus the rounding), and
    ``below`` states whether it is under the threshold."""
    level = reader.get("data.npa.level", str)
    if level not in ("1", "1+AB"):
        raise reader.fail("data.npa.level", 'must be "1" or "1+AB"')
    k = reader.get("data.npa.digits", int)
    b = reader.rational("data.npa.bound")
    if not 4 <= k <= 12 or (b * 10**k).denominator != 1 or (b * 10 ** (k - 1)).denominator == 1:
        raise reader.fail("data.npa.bound", "must be a decimal with exactly data.npa.digits (4..12) digits")
    if b < lo - Fraction(1, 10**k):
        raise reader.fail("data.npa.bound", f"an upper bound on the quantum value cannot be below the strategy's {lo}")
    below = reader.get("data.npa.below", bool)
    if below != (b < thr):
        raise reader.fail("data.npa.below", "inconsistent with the bound and the threshold")
    return (f"; NPA level {level} (numeric SDP, not re-checked) bounds every quantum strategy by {format_rational(b)}"
            f" ({'<' if below else '>='} {thr})")


@checker("ckbg-md-information-bound")
def md_information_bound(cert, reader) -> Outcome:
    """data: problem (a measurement-dependence LP, exactbell.relaxations.lps), q (sparse model over the
    q(ctx, λ) columns) reproducing the observed data exactly, M (its exact measure), information_bits
    [lo, hi] enclosing I(X…:Λ) of this model (arb). This bounds the minimal mutual information from
    above; the true minimum is a convex program (numeric-only)."""
    from ...lp import exact
    from ...lp.certificate import build_lp, read_sparse

    lp, info = build_lp(reader)
    if reader.get("data.problem.type", str) != "measurement-dependence":
        raise reader.fail("data.problem.type", "must be a measurement-dependence problem")
    n = info["n"]
    nctx = len(info["model"].contexts)
    N = n * nctx
    q = read_sparse(reader, "data.q", N)
    eq = exact.LP(lp.ncols, lp.nonneg, {})
    for i in range(lp.nrows):
        if lp.senses[i] == "=":
            eq.add_row(lp.rows[i], "=", lp.rhs0[i], lp.rhs1[i], lp.row_names[i])
    why = exact.primal_violation(eq, q)
    if why:
        raise reader.fail("data.q", why)
    ql = [Fraction(0)] * n
    for j, v in q.items():
        ql[j % n] += v
    M = sum(abs(q.get(c * n + lam, Fraction(0)) - ql[lam] / nctx) for c in range(nctx) for lam in range(n) if ql[lam])
    if M != reader.rational("data.M"):
        raise reader.fail("data.M", f"the model's measurement dependence is {M}")
    mi = flint.arb(0)
    for j, v in q.items():
        mi += _arb(v) * _arb(v * nctx / ql[j % n]).log()
    mi = mi / flint.arb(2).log()
    lo, hi = _interval(reader, "data.information_bits")
    if not (mi > _arb(lo) and mi < _arb(hi)) or hi - lo > Fraction(1, 10**6):
        raise reader.fail("data.information_bits", f"I = {mi} not proven inside [{lo}, {hi}] (width <= 1e-6)")
    return Outcome("numeric-only", f"explicit model with M = {M} has I = {mi} bits: an upper bound on the minimal "
                   "mutual information (minimality numeric only)", (format_rational(lo), format_rational(hi)))


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


@checker("ckbg-local-range")
def local_range(cert, reader) -> Outcome:
    """data: model (named LHV model spec), functional (named), min, max: exact range of the functional over
    all deterministic local points (hence over the local polytope)."""
    with reader.context("data.model"):
        model = build_model(reader.get("data.model", dict))
    with reader.context("data.functional"):
        coef, const = fn.named_functional(reader.get("data.functional", dict))
        fn.check_shape(reader.get("data.functional", dict), len(model.contexts), len(model.outcomes))
    if model.parents != {o: [i] for o, i in zip(model.outputs, model.inputs)}:
        raise reader.fail("data.model", "must be an LHV model (each output depends on its own input only)")
    nout = len(model.outcomes)
    vals = [sum(coef.get(c * nout + o, 0) for c, o in enumerate(col)) + const for col in model.observation_columns()]
    lo, hi = min(vals), max(vals)
    if lo != reader.rational("data.min") or hi != reader.rational("data.max"):
        raise reader.fail("data", f"the local range is [{lo}, {hi}]")
    return Outcome("verified", f"local range [{lo}, {hi}] over {len(vals)} deterministic points")


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


@checker("ckbg-facet-list")
def facet_list(cert, reader) -> Outcome:
    """data: model (named, binary outputs), facets [{"coeffs": [c_xy …] (correlator space, contexts in
    order), "bound": b}], class_counts {normalised bound: count} with normalised bound = b / max|c|.
    Each listed inequality Σ c_xy E_xy <= b is checked to be valid on all deterministic points of the
    model and tight on an affinely (dim − 1)-dimensional set: a facet. Completeness of the list is not
    checked (it comes from a cdd.gmp enumeration in the generator)."""
    with reader.context("data.model"):
        model = build_model(reader.get("data.model", dict))
    if len(model.outcomes) != 4:
        raise reader.fail("data.model", "binary outputs for both parties are required")
    pts = set()
    for col in model.observation_columns():
        pts.add(tuple(1 if o in (0, 3) else -1 for o in col))
    pts = sorted(pts)
    dim = _affine_dim([list(p) for p in pts])
    seen, counts = set(), {}
    raw = reader.get("data.facets", list)
    for k, fct in enumerate(raw):
        w = f"data.facets.{k}"
        with reader.context(w):
            c = [to_rational(v) for v in fct["coeffs"]]
            b = to_rational(fct["bound"])
            if len(c) != len(model.contexts) or not any(c):
                raise ValueError(f"needs {len(model.contexts)} coefficients, not all zero")
        key = (tuple(c), b)
        if key in seen:
            raise reader.fail(w, "repeated inequality")
        seen.add(key)
        if all(x.denominator == 1 for x in c):  # integer fast path
            ci_ = [x.numerator for x in c]
            vals = [sum(a * q for a, q in zip(ci_, p)) for p in pts]
        else:
            vals = [sum(ci * pi for ci, pi in zip(c, p)) for p in pts]
        if max(vals) != b:
            raise reader.fail(w, f"maximum over the deterministic points is {max(vals)}, not {b}")
        if _affine_dim([list(p) for p, v in zip(pts, vals) if v == b]) != dim - 1:
            raise reader.fail(w, "tight set is not (dim - 1)-dimensional: not a facet")
        nb = format_rational(b / max(abs(x) for x in c))
        counts[nb] = counts.get(nb, 0) + 1
    stated = reader.get("data.class_counts", dict)
    if {k: v for k, v in stated.items()} != counts:
        raise reader.fail("data.class_counts", f"counts by normalised bound are {counts}")
    return Outcome("verified", f"{len(raw)} distinct facets of the {dim}-dimensional correlator polytope "
                   f"({len(pts)} vertices), classes by normalised bound {counts}")
