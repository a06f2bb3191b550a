"""Kind ``wbc-symbolic``: Prop. 1(ii)/(iv) of Wooltorton–Brown–Colbeck for ALL angles, as
polynomial identities in c_t, s_t, c_p, s_p, c_w, s_w (cos/sin of θ, φ, ω) modulo c² + s² = 1.

The checker expands Eq. (2) and Eq. (5) itself (angle-sum formulas), then verifies exactly
(normal form: s² → 1 − c², a Gröbner basis of each circle relation):

  (a) the SOS identity  s_t·(η^Q·1 − B) = Σ_y μ_y P_y²  in the free algebra of ±1 observables
      (A_x² = B_y² = 1, [A_x, B_y] = 0), with μ_y, P_y from ``data.sos``;
  (b) μ_0·μ_1 = −cos(θ+φ)cos φ cos(θ+ω)cos ω / 4 (``data.mu_product``, checked);
  (c) strategy (6), computed symbolically over Q(c, s)(i), gives ⟨B⟩ = η^Q (and the correlators
      ⟨A_x B_y⟩ = sin(α_x + β_y)).

Consequence (stated, elementary): under (4) μ_0 μ_1 > 0 and s_t ≠ 0 (s_t = 0 makes the product in
(4) a square), so ±(η^Q·1 − B) and, after A_x → −A_x, ±(η^Q·1 + B) are sums of squares with the
sign of μ/s_t: the quantum range is [−|η^Q|, |η^Q|], attained by (6) and its relabelling.
"""
from __future__ import annotations

from ...kernel.poly import Poly
from ...kernel.ncpoly import NCPoly, parse_operator
from ...quantum.strategy import Complex
from . import Outcome, checker

VARS = ("c_t", "s_t", "c_p", "s_p", "c_w", "s_w")
PAIRS = (("s_t", "c_t"), ("s_p", "c_p"), ("s_w", "c_w"))


def normal_form(p: Poly) -> Poly:
    """Reduce s^e (e ≥ 2) to s^(e−2)(1 − c²) for each (s, c) pair, until linear in every s."""
    out = Poly()
    todo = [(m, c) for m, c in p.terms.items()]
    while todo:
        m, c = todo.pop()
        d = dict(m)
        hit = next(((s, cc) for s, cc in PAIRS if d.get(s, 0) >= 2), None)
        if hit is None:
            out = out + Poly({m: c})
            continue
        s, cc = hit
        d[s] -= 2
        base = tuple(sorted((v, e) for v, e in d.items() if e))
        todo.append((base, c))
        d2 = dict(base)
        d2[cc] = d2.get(cc, 0) + 2
        todo.append((tuple(sorted(d2.items())), -c))
    return out


def _v(name):
    return Poly.var(name)


def expansions():
    ct, st, cp, sp, cw, sw = (_v(n) for n in VARS)
    return {
        "cos(t+p)": ct * cp - st * sp, "cos(t+w)": ct * cw - st * sw,
        "sin(w-p)": sw * cp - cw * sp,
        "sin(t+w+p)": st * (cw * cp - sw * sp) + ct * (sw * cp + cw * sp),
        "cos(p-w)": cp * cw + sp * sw,
        "cos(t+p+w)": ct * (cp * cw - sp * sw) - st * (sp * cw + cp * sw),
    }


@checker("wbc-symbolic")
def decide(cert, reader) -> Outcome:
    part = reader.get("data.part", str)
    if part == "equivalence":
        return _equivalence(cert, reader)
    if part == "embedding":
        return _embedding(cert, reader)
    if part != "sos":
        raise reader.fail("data.part", f"unknown part {part!r} (sos, equivalence, embedding)")
    ct, st, cp, sp, cw, sw = (_v(n) for n in VARS)
    e = expansions()
    A, B_, C, D = e["cos(t+p)"], cp, e["cos(t+w)"], cw
    coeffs = [A * C * D, -(A * C * B_), -(B_ * D * C), B_ * D * A]  # Eq. (2)
    etaQ = st * e["sin(w-p)"] * e["sin(t+w+p)"]  # Eq. (5)
    ops = [NCPoly.observable(2, 0, x) * NCPoly.observable(2, 1, y) for x in (0, 1) for y in (0, 1)]
    Bop = NCPoly(2)
    for c, o in zip(coeffs, ops):
        Bop = Bop + o * c
    names = {n: _v(n) for n in VARS}

    def poly(where, text):
        if not isinstance(text, str):
            raise reader.fail(where, "must be a polynomial expression in c_t, s_t, c_p, s_p, c_w, s_w")
        with reader.context(where):
            return Poly.parse(text, list(VARS))

    sos = reader.get("data.sos", list)
    if len(sos) != 2:
        raise reader.fail("data.sos", "needs two terms {mu, P} (y = 0, 1)")
    total = NCPoly(2)
    mus = []
    for y, term in enumerate(sos):
        where = f"data.sos[{y}]"
        if not isinstance(term, dict) or set(term) != {"mu", "P"}:
            raise reader.fail(where, "must be an object {mu, P}")
        mu = poly(f"{where}.mu", term["mu"])
        if not isinstance(term["P"], str):
            raise reader.fail(f"{where}.P", "must be an operator expression")
        with reader.context(f"{where}.P"):
            P = parse_operator(term["P"], 2, (2, 2), Poly.const, names)
        mus.append(mu)
        total = total + P.adjoint() * P * mu
    residual = (NCPoly.scalar(2, etaQ) - Bop) * st - total
    bad = {m: normal_form(c) for m, c in residual.terms.items()}
    bad = {m: c for m, c in bad.items() if not c.is_zero()}
    if bad:
        raise reader.fail("data.sos", f"s_t*(eta_Q*1 - B) = sum mu_y P_y^2 fails modulo c^2 + s^2 = 1 "
                                      f"({len(bad)} monomials)")
    stated = poly("data.mu_product", reader.get("data.mu_product", str))
    if not normal_form(mus[0] * mus[1] - stated).is_zero():
        raise reader.fail("data.mu_product", "is not mu_0*mu_1")
    if not normal_form(stated * 4 + A * B_ * C * D).is_zero():
        raise reader.fail("data.mu_product", "is not -cos(t+p)cos(p)cos(t+w)cos(w)/4")
    # (c) strategy (6) symbolically
    one, zero = Poly.const(1), Poly()
    i = Complex(zero, one)

    def planar(c, s):  # c σX + s σY
        return [[Complex(zero, zero), Complex(c, -s)], [Complex(c, s), Complex(zero, zero)]]

    X = planar(one, zero)
    psi = [Complex(one, zero), Complex(zero, zero), Complex(zero, zero), i]
    obs = [[X, planar(ct, st)], [planar(cp, sp), planar(cw, sw)]]
    total_v = Poly()
    for c, o in zip(coeffs, ops):
        # <psi|O|psi> with the unnormalized psi has norm 2
        v = _expect(o, psi, obs)
        total_v = total_v + v * c
    if not normal_form(total_v - etaQ * 2).is_zero():
        raise reader.fail("data", "strategy (6) does not give eta_Q symbolically")
    return Outcome("verified", "for all angles: s_t(eta_Q - B) = mu_0 P_0^2 + mu_1 P_1^2 with mu_0 mu_1 = -ABCD/4, "
                               "and strategy (6) gives eta_Q (identities modulo c^2 + s^2 = 1)")


def _expect(op: NCPoly, psi, obs):
    """Re ⟨ψ|op|ψ⟩ for Poly-valued complex entries (unnormalized ψ); imaginary part must vanish."""
    from ...quantum.strategy import kron, matmul

    total = Complex(Poly(), Poly())
    for mono, c in op.terms.items():
        M = None
        for party, word in enumerate(mono):
            P = [[Complex(Poly.const(int(i == j)), Poly()) for j in range(2)] for i in range(2)]
            for x in word:
                P = matmul(P, obs[party][x])
            M = P if M is None else kron(M, P)
        v = [sum((M[r][k] * psi[k] for k in range(4)), Complex(Poly(), Poly())) for r in range(4)]
        total = total + sum((psi[r].conjugate() * v[r] for r in range(4)), Complex(Poly(), Poly())) * c
    if not normal_form(total.im).is_zero():
        raise ValueError("non-real expectation")
    return total.re


def _equivalence(cert, reader) -> Outcome:
    """(S2): for each branch L of Eq. (3), L² − (η^Q)² = 2·ABCD·(1 ± c_t)(1 ± cos(φ−ω))(1 ± cos(θ+φ+ω))."""
    ct, st, cp, sp, cw, sw = (_v(n) for n in VARS)
    e = expansions()
    A, B, C, D = e["cos(t+p)"], cp, e["cos(t+w)"], cw
    etaQ = st * e["sin(w-p)"] * e["sin(t+w+p)"]
    abcd = A * B * C * D
    computed = {}
    for s1 in "+-":
        x = C * D * (A + B if s1 == "+" else A - B)
        y = A * B * (C + D if s1 == "+" else C - D)
        for s2 in "+-":
            computed[s1 + s2] = x + y if s2 == "+" else x - y
    raw = reader.get("data.branches", dict)
    if set(raw) != set(computed):
        raise reader.fail("data.branches", f"needs exactly the branches {sorted(computed)} (sign inside, sign between)")
    X = [ct, e["cos(p-w)"], e["cos(t+p+w)"]]
    for key, L in computed.items():
        signs = raw[key]
        where = f"data.branches.{key}"
        if not isinstance(signs, list) or len(signs) != 3 or any(t not in ("+", "-") for t in signs):
            raise reader.fail(where, "must list three signs for (1 ± cos t)(1 ± cos(p-w))(1 ± cos(t+p+w))")
        factor = Poly.const(1)
        for sg, x in zip(signs, X):
            factor = factor * (1 + x if sg == "+" else 1 - x)
        if not normal_form(L * L - etaQ * etaQ - abcd * factor * 2).is_zero():
            raise reader.fail(where, "L^2 - eta_Q^2 != 2*ABCD*factor")
    # degenerate cases: a vanishing factor forces eta_Q = 0 and ABCD to be a square
    for eps in (1, -1):
        sub_t = {"c_t": eps, "s_t": 0}  # sin t = 0
        if not normal_form(abcd.substitute(sub_t) - (cp * cw) ** 2).is_zero():
            raise reader.fail("data", "case sin(theta) = 0 failed")
    for eps in (1, -1):  # sin(w - p) = 0: (c_w, s_w) = eps (c_p, s_p)
        sub = _subst(abcd, {"c_w": cp * eps, "s_w": sp * eps})
        if not normal_form(sub - (A * cp) ** 2).is_zero():
            raise reader.fail("data", "case sin(omega - phi) = 0 failed")
    for eps in (1, -1):  # sin(t + p + w) = 0: (c_w, s_w) = eps (cos(t+p), -sin(t+p))
        sub = _subst(abcd, {"c_w": A * eps, "s_w": (st * cp + ct * sp) * (-eps)})
        if not normal_form(sub - (A * cp) ** 2).is_zero():
            raise reader.fail("data", "case sin(theta + phi + omega) = 0 failed")
    return Outcome("verified", "for all angles and each branch L of Eq. (3): L^2 - eta_Q^2 = 2*ABCD*(1 +- cos t)"
                               "(1 +- cos(p-w))(1 +- cos(t+p+w)); where a factor vanishes eta_Q = 0 and ABCD is a "
                               "square. Hence |eta_Q| > eta_L <=> ABCD < 0, i.e. (4)")


def _subst(p: Poly, values: dict) -> Poly:
    """Substitute polynomials for variables."""
    out = Poly()
    for m, c in p.terms.items():
        term = Poly.const(c)
        for v, e in m:
            term = term * (values[v] ** e if v in values else Poly.var(v) ** e)
        out = out + term
    return out


def _embedding(cert, reader) -> Outcome:
    """A sub-family: substitute (c, s) of θ and ω by the stated polynomials in (c_p, s_p), then
    c_xy·c_p = scale·n_xy and η^Q·c_p = scale·eta_n (C004-10: θ = π/2, ω = π − φ gives the
    tilted CHSH β(A0B0 + A0B1) + A1B0 − A1B1, β = tan φ, with quantum bound 2/cos φ = 2√(1+β²))."""
    e = expansions()
    A, B, C, D = e["cos(t+p)"], Poly.var("c_p"), e["cos(t+w)"], Poly.var("c_w")
    coeffs = [A * C * D, -(A * C * B), -(B * D * C), B * D * A]
    etaQ = Poly.var("s_t") * e["sin(w-p)"] * e["sin(t+w+p)"]
    sub_raw = reader.get("data.substitution", dict)
    if set(sub_raw) != {"c_t", "s_t", "c_w", "s_w"}:
        raise reader.fail("data.substitution", "needs c_t, s_t, c_w, s_w")

    def poly(where, text=...):
        text = reader.get(where, str) if text is ... else text
        if not isinstance(text, str):
            raise reader.fail(where, "must be a polynomial expression in c_p, s_p")
        with reader.context(where):
            return Poly.parse(text, ["c_p", "s_p"])

    sub = {k: poly(f"data.substitution.{k}") for k in sub_raw}
    for c, s_ in (("c_t", "s_t"), ("c_w", "s_w")):
        if not normal_form(sub[c] * sub[c] + sub[s_] * sub[s_] - 1).is_zero():
            raise reader.fail(f"data.substitution.{c}", "the substituted cos/sin do not satisfy c^2 + s^2 = 1")
    scale = poly("data.scale")
    n = reader.get("data.normalized", list)
    if len(n) != 4:
        raise reader.fail("data.normalized", "needs four entries (A0B0, A0B1, A1B0, A1B1), times cos(phi)")
    cp = Poly.var("c_p")
    for k in range(4):
        lhs = _subst(coeffs[k], sub) * cp - scale * poly(f"data.normalized[{k}]", n[k])
        if not normal_form(lhs).is_zero():
            raise reader.fail(f"data.normalized[{k}]", "c_xy * c_p != scale * entry")
    if not normal_form(_subst(etaQ, sub) * cp - scale * poly("data.eta_normalized")).is_zero():
        raise reader.fail("data.eta_normalized", "eta_Q * c_p != scale * entry")
    return Outcome("verified", "after the substitution, (c_xy) = scale*(normalized)/c_p and "
                               "eta_Q = scale*(eta_normalized)/c_p, identically in phi")
