"""Sengupta–Wooltorton Sec. V (C000-21): rigorous Brown–Fawzi–Fawzi (von Neumann) lower bounds on the rate
r_{S,p}(f, ω) of Eq. (20) at a few points, from exactly rounded BFF duals (issue #17, point 4).

BFF Thm 2.3 (Quantum 8, 1445 (2024)) with the m-node Gauss–Radau rule on [0, 1] (fixed node t_m = 1): for
m = 3 the closed forms t_{1,2} = (4 ∓ √6)/10, w_{1,2} = (16 ∓ √6)/36, w_3 = 1/9 (Abramowitz–Stegun 25.4.31,
reflected; exact to degree 4, tested in tests/test_bff_certificates.py); for m = 6 the kernel's own certified
enclosures radau_t(6, i), radau_w(6, i) (kind interval, docs/kinds/interval.md):

    H(A|X=0,E) ≥ c_m + Σ_{i<m} w_i/(t_i ln 2) g(t_i) = Σ_{i<m} w_i/(t_i ln 2) (1 + g(t_i)),

g(t) the infimum of Σ_a <M_{a|0}(Z_a + Z_a^* + (1 − t) Z_a^*Z_a) + t Z_a Z_a^*> over the feasible set (f ≥ ω,
NS = 0). g is an infimum of functions affine in t, hence concave: g(t_i) ≥ min(g(t_lo), g(t_hi)) for
rationals t_lo < t_i < t_hi. Per point and rational node t a kernel ``sos`` certificate (with Eve's letters)
proves O_t − λ f − ν·NS ≥ c, so g(t) ≥ c + λω' (weak duality; ω' a rational below ω_f(μ)); two ``interval``
certificates prove t_lo < t_i < t_hi; a rate ``interval`` certificate brackets the right-hand side with
g(t_i) ≥ min(c_lo + λ_lo ω', c_hi + λ_hi ω') (min(a, b) = (a + b − |a − b|)/2). Stated, not decided: the
weak-duality step, concavity, Thm 2.3 itself, and that the parameters are the premises' numbers.
"""
from __future__ import annotations

from fractions import Fraction
from functools import cache

from ..certificates.format import envelope2
from ..generators.chsh import CORRELATOR
from ..kernel.ncpoly import monomial_text
from ..kernel.numbers import format_rational
from ..sdp.certify import gram_spec, text
from . import generator
from .interval_brackets import with_bracket
from .sengupta_wooltorton import PAPER
from .sw_randomness import CONV_INFO, _omega_below

CLAIM = "C000-21"
DIGITS = 6


def _radau_nodes(m: int) -> list:
    """(node, weight) kernel expressions and the rational bracket (lo, hi) of each free node, 10^-5 wide."""
    from ..randomness import radau

    t, _ = radau.gauss_radau(m)
    out = []
    for i, ti in enumerate(t[:-1], 1):
        n = int(ti * 10**5)
        out.append((f"radau_t({m}, {i})", f"radau_w({m}, {i})", Fraction(n, 10**5), Fraction(n + 1, 10**5)))
    return out


# per m: (node, weight) expressions and rational brackets (lo, hi) of the free nodes
RULES = {3: [("(4 - sqrt(6))/10", "(16 - sqrt(6))/36", Fraction(1550, 10**4), Fraction(1551, 10**4)),
             ("(4 + sqrt(6))/10", "(16 + sqrt(6))/36", Fraction(6449, 10**4), Fraction(6450, 10**4))],
         6: _radau_nodes(6)}
# (tag, q of T_q (None: CHSH), p, mu, where the paper says it, the paper's curve value)
POINTS = [
    ("chsh.p=1_2.mu=0", None, "1/2", "0", "L434, L451, Fig. 3", "1 bit at p = 1/2 (r_(S,1/2) = r_NS)"),
    ("chsh.p=3_5.mu=0", None, "3/5", "0", "L451, Fig. 3", "the CHSH curve of Fig. 3 at p = 0.6"),
    ("t_p.p=3_4.mu=0", "3/4", "3/4", "0", "L451, L468, Fig. 3", "the T_p curve of Fig. 3 at p = 0.75"),
    ("chsh.p=1_2.mu=1_20", None, "1/2", "1/20", "L438, Fig. 2", "the p = 1/2 CHSH curve of Fig. 2 at mu = 0.05"),
]


def _tname(t: Fraction) -> str:
    return format_rational(t).replace("/", "_")


def rate_id(m: int, tag: str) -> str:
    return f"{CLAIM}.bff.m={m}.{tag}"


@cache
def duals(m: int, tag: str) -> dict:
    """The exact duals at the rational nodes of one point, and the numeric m-node BFF rate."""
    from ..randomness import behaviour, bff, bff_dual

    _, q, p, mu, _, _ = next(x for x in POINTS if x[0] == tag)
    omega = _omega_below(q, Fraction(mu))
    out = {"omega": omega, "t": {}}
    for *_, lo, hi in RULES[m]:
        for t in (lo, hi):
            out["t"][t] = bff_dual.node_dual(q, p, t, float(omega))
    F = behaviour.chsh() if q is None else behaviour.t_q(float(Fraction(q)))
    out["numeric"] = bff.BFFProblem(level="small").rate(F, float(omega), float(Fraction(p)), m).rate
    return out


def _where(q, p, mu) -> str:
    return f"{'CHSH' if q is None else f'T_q at q = {q}'}, p = {p}, mu = {mu}"


def _sos_cert(m: int, tag: str, q, p, mu, t: Fraction):
    cid = f"{rate_id(m, tag)}.t={_tname(t)}"

    @generator(cid, PAPER, CLAIM)
    def make():
        from ..randomness import bff_dual

        d = duals(m, tag)["t"][t]
        mons, G = bff_dual.monomial_gram(bff_dual.basis(), d.H)
        nu = ", ".join(format_rational(v) for v in d.nu)
        summary = (f"Brown-Fawzi-Fawzi dual for Eq. (20) at {_where(q, p, mu)}, rational node t = {format_rational(t)}:"
                   f" for every quantum behaviour of Alice's two and Bob's four settings j = 2*xt + y (Eq. 19) and "
                   f"all operators Z_a of Eve, O_t - lam*f(P) - sum_y nu_y <NS_y, P> >= c with lam = "
                   f"{format_rational(d.lam)}, nu = ({nu}) (rounded SDP multipliers); the kernel decides the SOS "
                   f"identity. Stated, not decided: by weak duality the BFF term g(t) >= c + lam*w on the feasible "
                   f"set f >= w, NS = 0 (lam >= 0).")
        data = {"scenario": {"inputs": [2, 4], "outputs": [2, 2]}, "functional": {"terms": d.terms},
                "eve": {"letters": 2, "input": 0, "node": format_rational(t)}, "sense": "min",
                "bound": text(d.c), "sos": gram_spec([monomial_text(mo) for mo in mons], G)}
        return envelope2(cid, CLAIM, PAPER, "Sec. V B, Eqs. (19)-(20); BFF Thm 2.3", summary, "sos", "verified",
                         CORRELATOR, data)


def _decimal(x: Fraction, digits: int) -> str:
    n = x * 10**digits
    assert n.denominator == 1 and 0 <= n < 10**digits
    return f"0.{int(n):0{digits}d}"


def _node_cert(m: int, i: int):
    node, _, lo, hi = RULES[m][i]
    cid = f"{CLAIM}.bff.radau{m}.t{i + 1}"
    digits = 4 if m == 3 else 5

    @generator(cid, PAPER, CLAIM)
    def make():
        summary = (f"The free node t_{i + 1} = {node} of the m = {m} Gauss-Radau rule on [0, 1] (fixed node 1; "
                   f"Abramowitz-Stegun 25.4.31) lies strictly between the rational nodes {format_rational(lo)} "
                   f"and {format_rational(hi)} of the {CLAIM}.bff.m={m}.* SOS certificates (the bracket).")
        data = {"quantity": {"of": "expression", "value": node},
                "bracket": [_decimal(lo, digits), _decimal(hi, digits)]}
        return envelope2(cid, CLAIM, PAPER, "BFF Thm 2.3, Gauss-Radau nodes", summary, "interval", "verified",
                         CONV_INFO, data)


def rate_expression(m: int) -> str:
    """Σ_i w_i/(t_i ln 2)(1 + min(g_lo, g_hi)) with g = c + lam*w, min(a, b) = (a + b - abs(a - b))/2."""
    out = []
    for i, (t, w, _, _) in enumerate(RULES[m], 1):
        a, b = f"c{i}lo + lam{i}lo*w", f"c{i}hi + lam{i}hi*w"
        out.append(f"({w})/({t})*(1 + ({a} + {b} - abs({a} - ({b})))/2)")
    return "(" + " + ".join(out) + ")/log(2)"


def _rate_cert(m: int, tag: str, q, p, mu, where: str, paper: str):
    cid = rate_id(m, tag)

    @generator(cid, PAPER, CLAIM)
    def make():
        pt = duals(m, tag)
        params = {"w": format_rational(pt["omega"])}
        for i, (*_, lo, hi) in enumerate(RULES[m], 1):
            for side, t in (("lo", lo), ("hi", hi)):
                params[f"c{i}{side}"] = format_rational(pt["t"][t].c)
                params[f"lam{i}{side}"] = format_rational(pt["t"][t].lam)
        rule = ("the exact Radau nodes t_i = (4 -+ sqrt 6)/10 and weights w_i = (16 -+ sqrt 6)/36" if m == 3 else
                f"the kernel's certified Radau nodes radau_t({m}, i) and weights radau_w({m}, i)")
        summary = (f"Rigorous Brown-Fawzi-Fawzi lower bound (m = {m} Gauss-Radau nodes) on the randomness rate "
                   f"r_(S,p)(f, omega_f(mu)) of Eq. (20) at {_where(q, p, mu)} ({where}). The expression is BFF Thm "
                   f"2.3, c_m + sum_(i<m) w_i/(t_i ln 2) g(t_i) = sum_(i<m) w_i/(t_i ln 2) (1 + g(t_i)), with {rule} "
                   f"and g(t_i) >= min(c_ilo + lam_ilo*w, c_ihi + lam_ihi*w). Premises: {cid}.t=* (kind sos, Eve's "
                   f"letters) prove O_t - lam f - nu.NS >= c at the rational nodes t_lo < t_i < t_hi, which "
                   f"{CLAIM}.bff.radau{m}.t* (kind interval) decide; w is a rational below omega_f(mu). Stated, not "
                   f"decided: weak duality, the concavity of g in t (an infimum of affine functions), BFF Thm 2.3, "
                   f"that the parameters are the premises' numbers. Numeric m = {m} BFF value here "
                   f"{pt['numeric']:.6f}; the paper (Ref. [44], its node count not stated): {paper}.")
        data = {"quantity": {"of": "expression", "value": rate_expression(m)}, "bracket": ["0.0", "1.0"],
                "claims": ["> 0"]}
        cert = envelope2(cid, CLAIM, PAPER, "Sec. V B-D, Eq. (20), Figs. 2-3, L412-451", summary, "interval",
                         "verified", CONV_INFO, data, parameters=params)
        return with_bracket(cert, DIGITS)


for _m, _rule in RULES.items():
    for _i in range(len(_rule)):
        _node_cert(_m, _i)
    for _tag, _q, _p, _mu, _where_paper, _paper in POINTS:
        for *_, _lo, _hi in _rule:
            for _t in (_lo, _hi):
                _sos_cert(_m, _tag, _q, _p, _mu, _t)
        _rate_cert(_m, _tag, _q, _p, _mu, _where_paper, _paper)
