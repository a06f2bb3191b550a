"""Wooltorton–Brown–Colbeck C004-20 (L132-139): the exact pieces at the 5/2 limit point.

At (θ, φ, ω) = (π/3, π/2, 5π/6) strategy (6) gives the correlators E_xy = sin(α_x + β_y) (α = (0, θ),
β = (φ, ω)) = (1, 1/2, 1/2, -1/2) = sin(π r) with r = (1/2, 1/6, 1/6, -1/6) in [-1/2, 1/2], the branch on
which arcsin(sin(π r)) = π r. Hence arcsin E00 + arcsin E01 + arcsin E10 - arcsin E11 = π: the
Tsirelson–Landau–Masanes boundary condition (catalogue C004-20). CHSH = 5/2 > 2 = the local bound
(C004-01.local): the limit correlations are nonlocal.

* C004-20.chsh              strategy-value: <CHSH> = 5/2 > 2 (kernel Born rule, cos/sin by kernel/trig.py)
* C004-20.E00 ... .E11      strategy-value: each correlator equals sin(pi*r_xy) (the paper value, evaluated
                            by the kernel in Q(2cos(2pi/12)))
* C004-20.arcsin-sum        identity: r00 + r01 + r10 - r11 = 1
* C004-20.exact-pieces      composite (rule all) of the above and C004-01.local; the inverse-sine step is stated

Wang–Wu–Scarani self-testing and non-exposedness in Q_corr are external (OUT; proofs/catalogue.toml).
"""
from __future__ import annotations

from fractions import Fraction

from ..certificates.format import envelope2
from ..kernel.numbers import format_rational
from . import generator
from .wbc_family import KCONV, PAPER, SCENARIO, _params, _trig_n, strategy6

F = Fraction
CLAIM, LOCATION = "C004-20", "L132-139 (limit correlations at phi -> pi/2, Fig. 2)"
POINT = (F(1, 3), F(1, 2), F(5, 6))  # (theta, phi, omega)/pi: the global maximum 5/2 of Fig. 2
KEYS = ("A0B0", "A0B1", "A1B0", "A1B1")
SIGNS = (1, 1, 1, -1)  # the TLM form arcsin E00 + arcsin E01 + arcsin E10 - arcsin E11 = pi


def principal_angles(t, p, w) -> list[Fraction]:
    """r_xy in [-1/2, 1/2] with sin(pi r_xy) = sin(alpha_x + beta_y)/pi units: arcsin(E_xy)/pi."""
    out = []
    for a in (F(0), t):
        for b in (p, w):
            r = (a + b + F(1, 2)) % 2 - F(1, 2)  # in [-1/2, 3/2)
            out.append(r if r <= F(1, 2) else 1 - r)  # sin(pi r) = sin(pi (1 - r))
    return out


R = principal_angles(*POINT)
RNAMES = ("r00", "r01", "r10", "r11")


def _trig():
    return {"generator": "g", "n": _trig_n(*POINT)}


def _value_cert(cid, summary, terms, **extra):
    data = {"trig": _trig(), "scenario": SCENARIO.to_spec(), "functional": {"terms": terms},
            "strategy": strategy6(), **extra}
    return envelope2(cid, CLAIM, PAPER, LOCATION, summary, "strategy-value", "verified", KCONV, data,
                     parameters=_params(*POINT))


@generator("C004-20.chsh", PAPER, CLAIM)
def chsh():
    return _value_cert("C004-20.chsh", "Strategy (6) at the limit point (theta, phi, omega) = (pi/3, pi/2, 5pi/6) "
                       "gives I_CHSH = 5/2 > 2 = the local bound of CHSH (C004-01.local): the limit correlations are "
                       "nonlocal.", {k: str(s) for k, s in zip(KEYS, SIGNS)}, relation=">", threshold="2",
                       paper="5/2")


def _correlator(i):
    key, r = KEYS[i], R[i]
    cid = f"C004-20.E{key[1]}{key[3]}"

    @generator(cid, PAPER, CLAIM)
    def make():
        return _value_cert(cid, f"Strategy (6) at (pi/3, pi/2, 5pi/6): the correlator <{key}> equals "
                           f"sin(pi*({format_rational(r)})), with {format_rational(r)} in [-1/2, 1/2], so "
                           f"arcsin<{key}> = pi*({format_rational(r)}).", {key: "1"}, relation="value",
                           paper=f"sin(pi*({format_rational(r)}))")


for _i in range(4):
    _correlator(_i)


@generator("C004-20.arcsin-sum", PAPER, CLAIM)
def arcsin_sum():
    lhs = " ".join(("+ " if s > 0 else "- ") + n for s, n in zip(SIGNS, RNAMES)).removeprefix("+ ")
    data = {"mode": "polynomial", "identities": [[lhs, "1"]]}  # the kernel's inequality kind needs a domain parameter
    return envelope2("C004-20.arcsin-sum", CLAIM, PAPER, LOCATION,
                     "The Tsirelson-Landau-Masanes sum at the limit point: r00 + r01 + r10 - r11 = 1, i.e. "
                     "arcsin E00 + arcsin E01 + arcsin E10 - arcsin E11 = pi.", "identity", "verified", {}, data,
                     parameters={n: format_rational(r) for n, r in zip(RNAMES, R)})


PREMISES = ["C004-01.local.json", "C004-20.chsh.json", "C004-20.E00.json", "C004-20.E01.json", "C004-20.E10.json",
            "C004-20.E11.json", "C004-20.arcsin-sum.json"]


@generator("C004-20.exact-pieces", PAPER, CLAIM)
def exact_pieces():
    data = {"rule": "all", "premises": PREMISES,
            "stated": f"each r_xy ({', '.join(format_rational(r) for r in R)}) lies in [-1/2, 1/2], where "
                      "arcsin(sin(pi*r)) = pi*r (the principal branch), so the correlators E_xy = sin(pi*r_xy) give "
                      "arcsin E00 + arcsin E01 + arcsin E10 - arcsin E11 = pi*(r00 + r01 + r10 - r11) = pi, the "
                      "Tsirelson-Landau-Masanes boundary condition; a CHSH value above the local bound 2 means not "
                      "local. Not certified (external, OUT): the "
                      "Wang-Wu-Scarani self-test and non-exposedness in Q_corr"}
    return envelope2("C004-20.exact-pieces", CLAIM, PAPER, LOCATION,
                     "C004-20's exact pieces at the 5/2 limit point (pi/3, pi/2, 5pi/6): nonlocal (CHSH 5/2 > 2) "
                     "and on the TLM boundary (the arcsin sum is pi).", "composite", "verified", {}, data)
