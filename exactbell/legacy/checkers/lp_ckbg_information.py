"""Kind ``ckbg-md-information-bracket``: a rigorous bracket on the minimal mutual information I(S:Λ)
(S = the context (x, y), uniform) over all measurement-dependent models q(s, λ) reproducing a bipartite
distribution p(o|s) — the relative-entropy program behind Chaves–Kueng–Brask–Gross C002-20/21.

The distribution is that of an explicit CGLMP quantum strategy (d, rational Schmidt vector γ, standard
measurements; :func:`exactbell.checkers.lp_ckbg_misc` conventions), enclosed with python-flint arb balls.
λ ranges over the deterministic local responses of the (2 inputs, d outputs)² LHV model
(exactbell.relaxations.models.local_model; restricting to deterministic λ loses nothing, by data
processing).

data:
  distribution  {"cglmp": {"d": d, "gamma": [...]}}
  kernel        upper bound: per context s, per outcome o, a sparse rational distribution [[λ, K], …] over
                the responses λ that output o at s (K > 0, Σ K = 1 exactly). The model
                q(s, λ) = p(o_s(λ)|s) K_s(λ|o_s(λ)) / #s reproduces p for ANY p, so its mutual information
                (arb) is an upper bound on the minimum.
  upper         [lo, hi] enclosing that mutual information in bits (width <= 10^-30).
  dual          μ: one rational per (s, o) (inputs-major order). Lagrange dual of
                min_{q, r} D(q || p_S ⊗ r) (= min I): for every μ,
                min I >= [ Σ_{s,o} μ_{so} p(o|s)/#s − max_λ Σ_s e^{μ_{s,o_s(λ)} − 1}/#s ] / ln 2.
  lower         [lo, hi] enclosing that dual value in bits (width <= 10^-30).
  claim         {"rounds_to": r, "digits": k}: verified iff the whole bracket rounds to r at k decimals,
                refuted iff it lies entirely outside; or {"exceeds": c}: verified iff lower > c, refuted iff
                upper < c. Otherwise numeric-only.
The bracket [lower.lo, upper.hi] is returned (rounded outward to 9 decimals).
"""
from __future__ import annotations

from fractions import Fraction
from math import floor

import flint

from ...kernel.numbers import format_rational, to_rational
from ...relaxations.models import local_model
from . import Outcome, checker
from .lp_ckbg_misc import _arb

PREC = 256
WIDTH = Fraction(1, 10**30)


def cglmp_distribution(d: int, gamma: list) -> list:
    """p(o|s) for s = (x, y), o = (a, b) (a*d + b) as arb balls: |Σ_j γ_j ω^{j φ}|² / (d² |γ|²),
    φ = b − a − α_x − β_y, α = (0, 1/2), β = (1/4, −1/4)."""
    al, be = (Fraction(0), Fraction(1, 2)), (Fraction(1, 4), Fraction(-1, 4))
    pi = flint.arb.pi()
    g = [_arb(x) for x in gamma]
    nrm = sum((x * x for x in g), flint.arb(0))
    out = []
    cache = {}
    for x in range(2):
        for y in range(2):
            row = []
            for a in range(d):
                for b in range(d):
                    phi = b - a - al[x] - be[y]
                    if phi not in cache:
                        acc = flint.arb(0)
                        for j in range(d):
                            for jj in range(d):
                                acc += g[j] * g[jj] * (2 * pi * _arb(Fraction(j - jj) * phi / d)).cos()
                        cache[phi] = acc / (nrm * d * d)
                    row.append(cache[phi])
            out.append(row)
    return out


def _interval(reader, where):
    iv = reader.get(where, list)
    if len(iv) != 2:
        raise reader.fail(where, "must be [lo, hi]")
    lo, hi = reader.rational(where, iv[0]), reader.rational(where, iv[1])
    if not lo < hi or hi - lo > WIDTH:
        raise reader.fail(where, "needs lo < hi with hi - lo <= 10^-30")
    return lo, hi


def _inside(ball, lo, hi) -> bool:
    return bool(ball > _arb(lo) and ball < _arb(hi))


def _dec(x: Fraction, up: bool) -> str:
    k = 10**9
    v = floor(x * k)
    if up and v != x * k:
        v += 1
    return format_rational(Fraction(v, k))


def _show(x: Fraction, up: bool) -> str:
    """Decimal text with 9 digits, rounded outward (x >= 0)."""
    v = floor(x * 10**9)
    if up and v != x * 10**9:
        v += 1
    return f"{v // 10**9}.{v % 10**9:09d}"


@checker("ckbg-md-information-bracket")
def decide(cert, reader) -> Outcome:
    old = flint.ctx.prec
    flint.ctx.prec = PREC
    try:
        return _decide(cert, reader)
    finally:
        flint.ctx.prec = old


def _decide(cert, reader) -> Outcome:
    dist = reader.get("data.distribution", dict)
    if set(dist) != {"cglmp"} or not isinstance(dist["cglmp"], dict):
        raise reader.fail("data.distribution", 'must be {"cglmp": {"d": d, "gamma": [...]}}')
    d = reader.get("data.distribution.cglmp.d", int)
    if not 2 <= d <= 6:
        raise reader.fail("data.distribution.cglmp.d", "d must be in 2..6")
    graw = reader.get("data.distribution.cglmp.gamma", list)
    gamma = [reader.rational("data.distribution.cglmp.gamma", v) for v in graw]
    if len(gamma) != d or any(v <= 0 for v in gamma):
        raise reader.fail("data.distribution.cglmp.gamma", f"needs {d} positive entries")
    P = cglmp_distribution(d, gamma)
    if not all(v > 0 for row in P for v in row):
        raise reader.fail("data.distribution", "every probability must be provably positive")
    model = local_model([(2, d), (2, d)])
    cols = model.observation_columns()
    n, nctx, nout = len(cols), len(model.contexts), len(model.outcomes)
    ln2 = flint.arb(2).log()
    inv = _arb(Fraction(1, nctx))

    # ---- upper bound: explicit model from the kernel --------------------------------------------
    kern = reader.get("data.kernel", list)
    if len(kern) != nctx or any(not isinstance(k, list) or len(k) != nout for k in kern):
        raise reader.fail("data.kernel", f"needs {nctx} contexts x {nout} outcomes")
    q = {}
    for s in range(nctx):
        for o in range(nout):
            w = f"data.kernel.{s}.{o}"
            ent = kern[s][o]
            if not isinstance(ent, list) or not ent:
                raise reader.fail(w, "must be a non-empty list of [lambda, weight]")
            tot = Fraction(0)
            seen = set()
            for e in ent:
                if not isinstance(e, list) or len(e) != 2 or not isinstance(e[0], int) or isinstance(e[0], bool) \
                        or not 0 <= e[0] < n or e[0] in seen:
                    raise reader.fail(w, f"entries are [lambda in 0..{n - 1}, weight], lambdas distinct")
                lam = e[0]
                seen.add(lam)
                if cols[lam][s] != o:
                    raise reader.fail(w, f"response {lam} does not output {o} in context {s}")
                k = reader.rational(w, e[1])
                if k <= 0:
                    raise reader.fail(w, "weights must be positive")
                tot += k
                q[(s, lam)] = P[s][o] * _arb(k) * inv
            if tot != 1:
                raise reader.fail(w, f"weights sum to {tot}, not 1")
    ql = {}
    for (s, lam), v in q.items():
        ql[lam] = ql.get(lam, flint.arb(0)) + v
    mi = flint.arb(0)
    for (s, lam), v in q.items():
        mi += v * (v / (ql[lam] * inv)).log()
    mi = mi / ln2
    ulo, uhi = _interval(reader, "data.upper")
    if not _inside(mi, ulo, uhi):
        raise reader.fail("data.upper", f"the model's mutual information {mi} is not inside [{ulo}, {uhi}]")

    # ---- lower bound: Lagrange dual ---------------------------------------------------------------
    mraw = reader.get("data.dual", list)
    if len(mraw) != nctx * nout:
        raise reader.fail("data.dual", f"needs {nctx * nout} multipliers (one per context and outcome)")
    mu = [reader.rational("data.dual", v) for v in mraw]
    lin = flint.arb(0)
    for s in range(nctx):
        for o in range(nout):
            if mu[s * nout + o]:
                lin += _arb(mu[s * nout + o]) * P[s][o]
    lin = lin * inv
    ex = {}
    for k, m in enumerate(mu):
        ex[k] = _arb(m - 1).exp()
    worst = None
    for col in cols:
        t = sum((ex[s * nout + o] for s, o in enumerate(col)), flint.arb(0)) * inv
        worst = t if worst is None else worst.max(t)  # arb_max: a ball containing the maximum
    low = (lin - worst) / ln2
    llo, lhi = _interval(reader, "data.lower")
    if not _inside(low, llo, lhi):
        raise reader.fail("data.lower", f"the dual value {low} is not inside [{llo}, {lhi}]")
    if not llo < uhi:
        raise reader.fail("data.lower", "lower bound above the upper bound: inconsistent data")
    bracket = (_dec(llo, False), _dec(uhi, True))
    # ---- the claim ------------------------------------------------------------------------------
    claim = reader.get("data.claim", dict)
    desc = (f"d = {d}: min I(XY:lambda) over measurement-dependent models reproducing the CGLMP quantum "
            f"distribution lies in [{_show(llo, False)}, {_show(uhi, True)}] bits (explicit model + Lagrange dual, arb)")
    if set(claim) == {"rounds_to", "digits"}:
        r = reader.rational("data.claim.rounds_to")
        k = reader.get("data.claim.digits", int)
        if k < 1 or (r * 10**k).denominator != 1 or (r * 10 ** (k - 1)).denominator == 1:
            raise reader.fail("data.claim.digits", f"{r} is not a decimal with exactly {k} digits")
        half = Fraction(1, 2 * 10**k)
        if r - half <= llo and uhi < r + half:
            return Outcome("verified", desc + f"; it rounds to {format_rational(r)}", bracket)
        if uhi < r - half or llo >= r + half:
            return _refuted(cert, reader, desc + f"; it does not round to {format_rational(r)}", bracket, llo, uhi)
        return Outcome("numeric-only", desc + "; rounding undecided", bracket)
    if set(claim) == {"exceeds"}:
        c = reader.rational("data.claim.exceeds")
        if llo > c:
            return Outcome("verified", desc + f"; it exceeds {format_rational(c)}", bracket)
        if uhi < c:
            return _refuted(cert, reader, desc + f"; it is below {format_rational(c)}", bracket, llo, uhi)
        return Outcome("numeric-only", desc + f"; comparison with {format_rational(c)} undecided", bracket)
    raise reader.fail("data.claim", 'must be {"rounds_to": r, "digits": k} or {"exceeds": c}')


def _refuted(cert, reader, detail, bracket, llo, uhi) -> Outcome:
    if cert.verdict == "refuted":
        ce = reader.get("expected.counterexample", dict)
        with reader.context("expected.counterexample"):
            if to_rational(ce.get("lower")) != llo or to_rational(ce.get("upper")) != uhi:
                raise ValueError("must state the proven bracket {lower, upper} exactly (data.lower.0, data.upper.1)")
    return Outcome("refuted", detail, bracket)
