"""Wooltorton–Brown–Colbeck C004-20 (L132-139): the exact pieces at two limit points (phi = pi/2) of Fig. 2.

At a point (θ, φ, ω), strategy (6) gives the correlators E_xy = sin(α_x + β_y) (α = (0, θ), β = (φ, ω)) =
sin(π r_xy) with r_xy in [-1/2, 1/2], the branch on which arcsin(sin(π r)) = π r. When
r00 + r01 + r10 - r11 = 1, arcsin E00 + arcsin E01 + arcsin E10 - arcsin E11 = π: the
Tsirelson–Landau–Masanes boundary condition (catalogue C004-20). A CHSH value above 2 = the local bound
(C004-01.local) means the correlations are nonlocal.

* global: (π/3, π/2, 5π/6), the global maximum 5/2 (black cross): E = (1, 1/2, 1/2, -1/2),
          r = (1/2, 1/6, 1/6, -1/6)
* dire:   (π/4, π/2, π), the DIRE-line maximum 1 + √2 (blue cross): E = (1, 0, √2/2, -√2/2),
          r = (1/2, 0, 1/4, -1/4)

Per point (``C004-20.<point>.``):
* chsh             strategy-value: <CHSH> > 2 (kernel Born rule, cos/sin by kernel/trig.py)
* E00 ... E11      strategy-value: each correlator equals sin(pi*r_xy) (the paper value, evaluated by the kernel)
* branch           inequality at fixed values: max |r_xy| <= 1/2 (the principal branch of arcsin, decided)
* arcsin-sum       identity: r00 + r01 + r10 - r11 = 1
* exact-pieces     composite (rule all) of the above and C004-01.local; arcsin(sin(pi r)) = pi r on [-1/2, 1/2]
                   (the definition of the principal branch) is stated

C004-20.landau: for every θ, ω at φ = π/2, Landau's criterion holds with equality (inequality kind, trigonometric
form, all real angles): the whole limit family lies on the boundary of Q_corr (Landau's equivalence with TLM stated).

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
# name -> ((theta, phi, omega)/pi, CHSH value as the kernel's paper expression, what)
POINTS = {"global": ((F(1, 3), F(1, 2), F(5, 6)), "5/2", "the global maximum 5/2 of Fig. 2"),
          "dire": ((F(1, 4), F(1, 2), F(1)), "1 + 2*cos(pi/4)", "the DIRE-line maximum 1 + sqrt(2) of Fig. 2")}
KEYS = ("A0B0", "A0B1", "A1B0", "A1B1")
SIGNS = (1, 1, 1, -1)  # the TLM form arcsin E00 + arcsin E01 + arcsin E10 - arcsin E11 = pi
RNAMES = ("r00", "r01", "r10", "r11")


def principal_angles(t, p, w) -> list[Fraction]:
    """r_xy in [-1/2, 1/2] with sin(pi r_xy) = sin(alpha_x + beta_y), i.e. arcsin(E_xy)/pi."""
    out = []
    for a in (F(0), t):
        for b in (p, w):
            r = (a + b + F(1, 2)) % 2 - F(1, 2)  # in [-1/2, 3/2)
            out.append(r if r <= F(1, 2) else 1 - r)  # sin(pi r) = sin(pi (1 - r))
    return out


def _where(point) -> str:
    return "(" + ", ".join(f"{format_rational(x)}*pi" for x in point) + ")"


def _value_cert(cid, point, summary, terms, **extra):
    data = {"trig": {"generator": "g", "n": _trig_n(*point)}, "scenario": SCENARIO.to_spec(),
            "functional": {"terms": terms}, "strategy": strategy6(), **extra}
    return envelope2(cid, CLAIM, PAPER, LOCATION, summary, "strategy-value", "verified", KCONV, data,
                     parameters=_params(*point))


def _chsh(name, point, value, what):
    cid = f"C004-20.{name}.chsh"

    @generator(cid, PAPER, CLAIM)
    def make():
        return _value_cert(cid, point, f"Strategy (6) at the limit point (theta, phi, omega) = {_where(point)}, "
                           f"{what}: I_CHSH > 2 = the local bound of CHSH (C004-01.local), so the limit correlations "
                           "are nonlocal.", {k: str(s) for k, s in zip(KEYS, SIGNS)}, relation=">", threshold="2",
                           paper=value)


def _correlator(name, point, i):
    key, r = KEYS[i], principal_angles(*point)[i]
    cid = f"C004-20.{name}.E{key[1]}{key[3]}"

    @generator(cid, PAPER, CLAIM)
    def make():
        return _value_cert(cid, point, f"Strategy (6) at {_where(point)}: the correlator <{key}> equals "
                           f"sin(pi*({format_rational(r)})), with {format_rational(r)} in [-1/2, 1/2], so "
                           f"arcsin<{key}> = pi*({format_rational(r)}).", {key: "1"}, relation="value",
                           paper=f"sin(pi*({format_rational(r)}))")


def _arcsin_sum(name, point):
    cid = f"C004-20.{name}.arcsin-sum"

    @generator(cid, PAPER, CLAIM)
    def make():
        lhs = " ".join(("+ " if s > 0 else "- ") + n for s, n in zip(SIGNS, RNAMES)).removeprefix("+ ")
        # an identity at fixed values: the kernel's inequality kind needs a domain parameter
        data = {"mode": "polynomial", "identities": [[lhs, "1"]]}
        return envelope2(cid, CLAIM, PAPER, LOCATION,
                         f"The Tsirelson-Landau-Masanes sum at {_where(point)}: r00 + r01 + r10 - r11 = 1, i.e. "
                         "arcsin E00 + arcsin E01 + arcsin E10 - arcsin E11 = pi.", "identity", "verified", {}, data,
                         parameters={n: format_rational(r) for n, r in zip(RNAMES, principal_angles(*point))})


def _branch(name, point):
    cid = f"C004-20.{name}.branch"

    @generator(cid, PAPER, CLAIM)
    def make():
        data = {"lhs": "max(" + ", ".join(f"abs({n})" for n in RNAMES) + ")", "relation": "<=", "rhs": "1/2"}
        return envelope2(cid, CLAIM, PAPER, LOCATION,
                         f"The principal branch at {_where(point)}: every r_xy lies in [-1/2, 1/2], where "
                         "arcsin(sin(pi*r)) = pi*r, so arcsin E_xy = pi*r_xy.", "inequality", "verified", {}, data,
                         parameters={n: format_rational(r) for n, r in zip(RNAMES, principal_angles(*point))})


def _exact_pieces(name, point, what):
    cid = f"C004-20.{name}.exact-pieces"
    premises = ["C004-01.local.json"] + [f"C004-20.{name}.{p}.json" for p in
                                         ("chsh", "E00", "E01", "E10", "E11", "branch", "arcsin-sum")]

    @generator(cid, PAPER, CLAIM)
    def make():
        r = ", ".join(format_rational(x) for x in principal_angles(*point))
        data = {"rule": "all", "premises": premises,
                "stated": f"arcsin(sin(pi*r)) = pi*r for r in [-1/2, 1/2] (the principal branch; each r_xy = {r} "
                          f"lies there by C004-20.{name}.branch), so the correlators E_xy = sin(pi*r_xy) give "
                          "arcsin E00 + arcsin E01 + arcsin E10 - arcsin E11 = pi*(r00 + r01 + r10 - r11) = pi, the Tsirelson-Landau-Masanes boundary "
                          "condition; a CHSH value above the local bound 2 means not local. Not certified (external, "
                          "OUT): the Wang-Wu-Scarani self-test and non-exposedness in Q_corr"}
        return envelope2(cid, CLAIM, PAPER, LOCATION,
                         f"C004-20's exact pieces at the limit point {_where(point)}, {what}: nonlocal (CHSH > 2) and "
                         "on the TLM boundary (the arcsin sum is pi).", "composite", "verified", {}, data)


for _name, (_point, _value, _what) in POINTS.items():
    _chsh(_name, _point, _value, _what)
    for _i in range(4):
        _correlator(_name, _point, _i)
    _branch(_name, _point)
    _arcsin_sum(_name, _point)
    _exact_pieces(_name, _point, _what)


# -- the whole phi = pi/2 slice: Landau's boundary equality (an algebraic form of the TLM condition) ---------------
LANDAU = {"angles": ["theta", "omega"], "lhs": "(sin(omega) - cos(theta)*sin(theta+omega))^2", "relation": "==",
          "rhs": "(1 - cos(theta)^2)*(1 - sin(theta+omega)^2)", "proof": {"charts": [{"method": "identity"}] * 4}}


@generator("C004-20.landau", PAPER, CLAIM)
def landau():
    return envelope2(
        "C004-20.landau", CLAIM, PAPER, LOCATION,
        "For every theta, omega at phi = pi/2 the correlators of strategy (6), E = (1, sin omega, cos theta, "
        "sin(theta+omega)) (E_xy = sin(alpha_x + beta_y), C004-04), satisfy Landau's criterion for quantum "
        "correlators with equality: (E00 E01 - E10 E11)^2 = (1 - E10^2)(1 - E11^2) (decided, for all real angles), "
        "and (1 - E00^2)(1 - E01^2) = 0 since E00 = 1; so |E00 E01 - E10 E11| = sqrt((1 - E00^2)(1 - E01^2)) + "
        "sqrt((1 - E10^2)(1 - E11^2)). Stated (Landau 1988; equivalent to the Tsirelson-Landau-Masanes arcsin "
        "conditions, Masanes 2003): equality there means the correlations lie on the boundary of Q_corr, for the "
        "whole limit family, not only at the two points of C004-20.global/.dire.", "inequality", "verified",
        {"substitution": "the kernel covers each angle x by the charts x = k pi + 2 atan(v), k in {0, 1}, v in "
                         "[-1, 1] (tangent half-angle), so the statement is proved for ALL real angles"},
        {"statements": [LANDAU]})
