"""Sengupta–Wooltorton Sec. V (C000-21): rigorous min-entropy lower bounds on the rate r_{S,p}(f, ω) of
Eq. (20) at a few points, from an exactly rounded dual of the guessing-probability SDP
(:mod:`exactbell.randomness.guessing`).

Per point (f, p, μ): λ, ν are the rationalized SDP multipliers; for e = 0, 1 a kernel ``sos`` certificate
proves max_Q <Π_{e|0}> + λ f(P) + Σ_y ν_y <NS_y, P> ≤ η_e over every quantum behaviour of Alice's two
and Bob's four settings (x̃, y) (Eq. 19 makes P a linear image of it, j = 2x̃ + y), and a kernel
``interval`` certificate brackets −log2(η − λω) (η = max η_e, ω a rational below ω_f(μ)). By weak
duality P_g ≤ η − λω, so r_{S,p}(f, ω_f(μ)) ≥ H_min ≥ −log2(η − λω); that step, the pull-back and
r ≤ 1 (a binary output) are stated in the summaries, not decided. The BFF von Neumann rates (Figs. 2–4)
are search-side numerics (exactbell/randomness/curves.py); rounded BFF duals at three points:
:mod:`exactbell.generators.sw_bff`.
"""
from __future__ import annotations

from fractions import Fraction
from functools import cache

from ..certificates.format import envelope2
from ..generators.chsh import CORRELATOR
from ..kernel.functional import functional_from_spec
from ..kernel.ncpoly import bell_operator
from ..kernel.numbers import format_rational
from ..kernel.scenario import Scenario
from ..sdp import npa, rounding
from ..sdp.certify import gram_spec, text
from . import generator
from .interval_brackets import with_bracket
from .sengupta_wooltorton import PAPER

CLAIM = "C000-21"
SCENARIO_24 = Scenario((2, 4), (2, 2))
CONV_INFO = {"information": "bits: log base 2"}
LEVEL = "2"
DIGITS = 6
# (tag, q of T_q (None: CHSH), p, mu, paper relation on the rate, where the paper says it)
POINTS = [
    ("chsh.p=1_2.mu=0", None, "1/2", "0", "L434, L451, Fig. 3: 1 bit at p = 1/2 (r_{S,1/2} = r_NS)"),
    ("chsh.p=1_2.mu=1_20", None, "1/2", "1/20", ("L438, Fig. 2: the p = 1/2 curves; closed form "
                                                 "H_min = -log2(1/2 + 1/2 sqrt(2 - S^2/4)) for CHSH value S")),
    ("chsh.p=3_5.mu=0", None, "3/5", "0", "L451, Fig. 3: CHSH certifies a positive rate for p below about 0.7"),
    ("t_p.p=3_4.mu=0", "3/4", "3/4", "0", "L451, L468, Fig. 3: T_p certifies a positive rate up to p near 1"),
    ("t_p.p=9_10.mu=0", "9/10", "9/10", "0", "L451, L468, Fig. 3: T_p certifies a positive rate up to p near 1"),
    ("t_q=99_100.p=9_10.mu=0", "99/100", "9/10", "0", ("L451, L468, Fig. 3: T_q_opt certifies almost 1 bit "
                                                        "for p up to near 1")),
]


def _omega_below(q, mu: Fraction) -> Fraction:
    """A rational ω' ≤ ω = (1 − μ)·2√2·√(q/(3q − 1)) (exact check on squares), 8 decimals below."""
    q = Fraction(1, 2) if q is None else Fraction(q)
    square = (1 - mu) ** 2 * 8 * q / (3 * q - 1)
    w = Fraction(int(float(square) ** 0.5 * 10**8) - 1, 10**8)
    while w * w > square:
        w -= Fraction(1, 10**8)
    return w


def _functional(terms: dict):
    return functional_from_spec(SCENARIO_24, {"terms": terms}, CORRELATOR, Fraction)


@cache
def point(tag: str) -> dict:
    """The rounded dual at one point: λ, ν, ω', and per e the terms, η_e and its exact Gram matrix."""
    from ..randomness import behaviour, guessing

    _, q, p, mu, _ = next(t for t in POINTS if t[0] == tag)
    F = behaviour.chsh() if q is None else behaviour.t_q(float(Fraction(q)))
    omega = _omega_below(q, Fraction(mu))
    g = guessing.guessing_probability(F, float(omega), float(Fraction(p)))
    lam = Fraction(g.lam).limit_denominator(1000)
    nu = tuple(Fraction(v).limit_denominator(1000) if abs(v) > 1e-6 else Fraction(0) for v in g.nu)
    out = {"lam": lam, "nu": nu, "omega": omega, "numeric": g.value, "e": []}
    for e in range(2):
        terms = guessing.bound_terms(q, p, lam, nu, e)
        res = npa.npa_upper_bound(bell_operator(_functional(terms)), SCENARIO_24.inputs, LEVEL)
        eg = rounding.round_rational_upper(res)
        if eg is None:
            raise RuntimeError(f"{tag}, e = {e}: no exact PSD Gram matrix")
        out["e"].append({"terms": terms, "eta": eg.eta, "sos": gram_spec(eg.basis_text(), eg.matrix)})
    out["eta"] = max(x["eta"] for x in out["e"])
    return out


def _where(q, p, mu) -> str:
    f = "CHSH" if q is None else f"T_q at q = {q}"
    return f"{f}, p = {p}, mu = {mu}"


def _sos_cert(tag: str, q, p, mu, e: int):
    cid = f"{CLAIM}.hmin.{tag}.e={e}"

    @generator(cid, PAPER, CLAIM)
    def make():
        pt = point(tag)
        x = pt["e"][e]
        nu = ", ".join(format_rational(v) for v in pt["nu"])
        summary = (f"Guessing-probability dual for Eq. (20) at {_where(q, p, mu)}, Eve's guess e = {e}: for every "
                   f"quantum behaviour of Alice's two and Bob's four settings j = 2*xt + y (Eq. 19), "
                   f"<Pi_(e|0)> + lam*f(P) + sum_y nu_y <NS_y, P> <= eta_e with lam = {format_rational(pt['lam'])}, "
                   f"nu = ({nu}) (rounded SDP multipliers); the kernel decides the SOS identity.")
        data = {"scenario": {"inputs": [2, 4], "outputs": [2, 2]}, "functional": {"terms": x["terms"]},
                "sense": "max", "bound": text(x["eta"]), "sos": x["sos"]}
        return envelope2(cid, CLAIM, PAPER, "Sec. V B, Eqs. (19)-(20), L386-412", summary, "sos", "verified",
                         CORRELATOR, data)


def _rate_cert(tag: str, q, p, mu, where: str):
    cid = f"{CLAIM}.hmin.{tag}"

    @generator(cid, PAPER, CLAIM)
    def make():
        pt = point(tag)
        params = {"eta": format_rational(pt["eta"]), "lam": format_rational(pt["lam"]),
                  "w": format_rational(pt["omega"])}
        summary = (f"Rigorous lower bound on the randomness rate r_(S,p)(f, omega_f(mu)) of Eq. (20) at "
                   f"{_where(q, p, mu)} ({where}). The premises {cid}.e=0/.e=1 (kind sos) prove "
                   f"<Pi_(e|0)> + lam f + nu.NS <= eta_e, eta = max_e eta_e; w is a rational below omega_f(mu) "
                   f"= (1-mu) 2 sqrt(2) sqrt(q/(3q-1)). Stated, not decided: weak duality gives P_guess <= eta - "
                   f"lam*w, and r >= H_min = -log2 P_guess >= -log2(eta - lam*w); r <= 1 (binary output). So "
                   f"the rate lies in [bracket low end, 1]. The paper's own curves use the BFF von Neumann "
                   f"method (numeric SDP, {pt['numeric']:.6f} is the numeric P_guess here); they are "
                   f"reproduced numerically only (exactbell/randomness).")
        data = {"quantity": {"of": "expression", "value": "-log2(eta - lam*w)"}, "bracket": ["0.0", "1.0"],
                "claims": ["> 0"]}
        cert = envelope2(cid, CLAIM, PAPER, "Sec. V B-D, Eq. (20), Figs. 2-3, L412-451", summary, "interval",
                         "verified", CONV_INFO, data, parameters=params)
        return with_bracket(cert, DIGITS)


for _tag, _q, _p, _mu, _where_paper in POINTS:
    for _e in (0, 1):
        _sos_cert(_tag, _q, _p, _mu, _e)
    _rate_cert(_tag, _q, _p, _mu, _where_paper)
