"""Sengupta–Wooltorton Prop. 1 items 3–4: the quantum bound T_p ≤ 2√2·√(p/(3p−1)) and the
optimal strategy (13), at rational p where everything is rational.

Parametrize by c = cos φ_* ∈ (1/2, 1) with √(1−c²) rational (Pythagorean): p = 2c²/(6c²−1)
lies in (2/5, 1), and then √(p/(6p−2)) = c, √((5p−2)/(6p−2)) = s, √(p(5p−2)) = 2cs/(6c²−1),
sin 2θ = f1, cos 2θ = g1 are rational, cos θ = ±c, and the bound is exactly 4c. At p = 1/2
(CHSH, bound 2√2) see C004-01.quantum.

* C000-10.p=…  kind sos: the SOS (F6) of App. F, η·1 − B_p = sinφ/(λ² sin2θ)(N0² + λ² N1²) with
  λ² = (3p−1)/(1−p), verified exactly, and strategy (13) (corrected θ) attaining η.
* C000-11.p=….printed / .atan2  kind sw-optimal-strategy: Eq. (13) with the printed θ attains the
  bound for p ∈ (1/2, 1) and fails on (2/5, 1/2) (erratum; exact counterexample); the atan2 form
  attains it on both sides.
"""
from __future__ import annotations

from fractions import Fraction

from ..certificates.format import envelope2
from ..kernel.params import scalar_text
from ..behaviours import parse_rational
from ..kernel.functional import functional_from_spec
from ..kernel.numbers import format_rational
from ..kernel.ncpoly import bell_operator
from ..quantum.strategy import expectation_complex
from . import generator
from .chsh import CHSH_SCENARIO, CORRELATOR
from .sengupta_wooltorton import PAPER, T_P_TERMS

F = Fraction
# (cos φ, |sin φ|) Pythagorean pairs with cos φ in (1/2, 1)
PAIRS = [(F(3, 5), F(4, 5)), (F(4, 5), F(3, 5)), (F(33, 65), F(56, 65)), (F(21, 29), F(20, 29)),
         (F(12, 13), F(5, 13))]


class SWPoint:
    def __init__(self, c, s, one=F(1)):
        self.c, self.s, self.one = c, s, one
        self.p = p = 2 * c * c / (6 * c * c - 1)
        self.f1 = 2 * c * s / (6 * c * c - 1) / (1 - 3 * p)
        self.g1 = (1 - 2 * p) / (3 * p - 1)
        self.cos_phi, self.sin_phi = c, -s
        self.bound = 4 * c
        self.roots = {"r1": 2 * c * s / (6 * c * c - 1), "r2": s, "r3": c}

    def theta(self, branch: str):
        """(cos θ, sin θ) from sin 2θ = f1, cos 2θ = g1 with θ's branch."""
        # half angle of 2θ0 := atan2(f1, g1) ∈ (−π, π]: cos θ0 = √((1+g1)/2) ≥ 0
        c2 = (1 + self.g1) / 2  # = c² by construction
        ct0 = self.c if self.c * self.c == c2 else None
        if ct0 is None:
            raise ValueError("half angle is not in the field")
        st0 = self.f1 / (2 * ct0)
        if branch == "atan2":
            return ct0, st0
        # printed: θ = ½ arctan(f1/g1) − π/2; arctan(f1/g1) = 2θ0 if g1 > 0, 2θ0 ± π otherwise
        if self.g1 > 0:  # α = 2θ0, θ = θ0 − π/2
            return st0, -ct0
        # g1 < 0: α = 2θ0 + π (2θ0 ∈ (−π, −π/2) since f1 < 0), θ = θ0 + π/2 − π/2 = θ0
        return ct0, st0

    def strategy(self, branch):
        ct, st = self.theta(branch)
        z = self.one - self.one
        X = [[z, self.one], [self.one, z]]
        Z = [[self.one, z], [z, -self.one]]
        cp, sp = self.cos_phi, self.sin_phi
        return [ct, z, z, st], [[X, Z], [[[cp, sp], [sp, -cp]], [[-cp, sp], [sp, cp]]]]


def _functional(p):
    return functional_from_spec(CHSH_SCENARIO, {"terms": T_P_TERMS}, CORRELATOR, lambda t: parse_rational(t, {"p": p}))


def _ob(party, x):
    return f"{'AB'[party]}{x}"


def sos_terms(pt: SWPoint):
    c2t, s2t, cp, sp = pt.g1, pt.f1, pt.cos_phi, pt.sin_phi
    p = pt.p
    lam2 = (3 * p - 1) / (1 - p)
    pref = sp / (lam2 * s2t)
    t = scalar_text
    n0 = f"A1 - ({t(1 / (2 * cp))})*(B0 - B1)"
    n1 = f"A0 - ({t(s2t / (2 * sp))})*(B0 + B1) - ({t(c2t / (2 * cp))})*A0*(B0 - B1)"
    return [{"weight": t(pref), "polynomial": n0}, {"weight": t(pref * lam2), "polynomial": n1}]


def _sos_cert(pt: SWPoint, field_spec=None):
    p = pt.p
    pid = f"C000-10.p={format_rational(p)}"

    @generator(pid, PAPER, "C000-10")
    def make():
        psi, obs = pt.strategy("atan2")
        data = {}
        if field_spec:
            data["field"] = field_spec
        data.update({"scenario": CHSH_SCENARIO.to_spec(), "functional": {"terms": T_P_TERMS}, "sense": "max",
                     "bound": scalar_text(pt.bound), "sos": {"terms": sos_terms(pt)},
                     "strategy": _strategy_spec(psi, obs), "paper": {"sqrt": "8*p/(3*p - 1)"}})
        return envelope2(pid, "C000-10", PAPER, "Proposition 1 item 3, App. F Eq. (F6), L295 and L986-1016",
                         f"At p = {format_rational(p)}, every quantum behaviour has T_p <= 2*sqrt(2)*sqrt(p/(3p-1)) "
                         f"= {scalar_text(pt.bound)} (SOS (F6)), with equality for strategy (13) (theta from "
                         "atan2(f1, g1)).", "sos", "verified", CORRELATOR, data,
                         parameters={"p": format_rational(p)})


def _strategy_spec(psi, obs):
    return {"state": [scalar_text(v) for v in psi],
            "observables": [[[[scalar_text(v) for v in row] for row in O] for O in party] for party in obs]}


def _strategy_cert(pt: SWPoint, branch: str, field_spec=None):
    p = pt.p
    pid = f"C000-11.p={format_rational(p)}.{branch}"

    @generator(pid, PAPER, "C000-11")
    def make():
        psi, obs = pt.strategy(branch)
        B = bell_operator(_functional(p))
        value = expectation_complex(B, psi, obs)
        data = {"scenario": CHSH_SCENARIO.to_spec(), "functional": {"terms": T_P_TERMS},
                "strategy": _strategy_spec(psi, obs), "relation": "value", "paper": {"sqrt": "8*p/(3*p - 1)"}}
        what = ("theta = (1/2) arctan(f1/g1) - pi/2 as printed" if branch == "printed"
                else "theta = (1/2) atan2(f1, g1) (corrected branch)")
        return envelope2(pid, "C000-11", PAPER, "Proposition 1 item 4, Eq. (13), L297-306",
                         f"At p = {format_rational(p)}, strategy (13) (state cos(theta)|00> + sin(theta)|11>, "
                         "A0 = X, A1 = Z, B0/B1 = +-cos(phi) Z + sin(phi) X) with "
                         f"{what} and phi = arctan(f2/g2) attains T_p = 2*sqrt(2)*sqrt(p/(3p-1)) = "
                         f"{scalar_text(pt.bound)}.", "strategy-value",
                         "verified" if value == pt.bound else "refuted", CORRELATOR, data,
                         parameters={"p": format_rational(p)})


for _c, _s in PAIRS:
    _pt = SWPoint(_c, _s)
    _sos_cert(_pt)
    _strategy_cert(_pt, "printed")
    _strategy_cert(_pt, "atan2")


def _f5_cert(printed: bool):
    p = F(18, 29)
    pid = f"C000-10.F5.{'printed' if printed else 'corrected'}"

    @generator(pid, PAPER, "C000-10")
    def make():

        half = "1/(2*c)" if printed else "1/(2*c^2)"
        pt = SWPoint(F(3, 5), F(4, 5))
        params = {"p": format_rational(p), "c": scalar_text(pt.cos_phi), "s": scalar_text(pt.sin_phi),
                  "s2t": scalar_text(pt.f1), "c2t": scalar_text(pt.g1), "lam2": scalar_text((3 * p - 1) / (1 - p))}
        # (F5): lhs = N0^2 + lam2*N1^2 = const - B' with B' = A1(B0 - B1)/c + lam2*s2t*A0(B0 + B1)/s
        #       + lam2*c2t*(B0 - B1)/c; the kernel computes const from the SOS and compares the printed one
        terms = {"A1B0": "1/c", "A1B1": "-1/c", "A0B0": "lam2*s2t/s", "A0B1": "lam2*s2t/s",
                 "B0": "lam2*c2t/c", "B1": "-lam2*c2t/c"}
        data = {"scenario": CHSH_SCENARIO.to_spec(), "functional": {"terms": terms}, "sense": "max",
                "sos": {"terms": [{"weight": "1", "polynomial": "A1 - (B0 - B1)/(2*c)"},
                                  {"weight": "lam2",
                                   "polynomial": "A0 - s2t*(B0 + B1)/(2*s) - c2t*A0*(B0 - B1)/(2*c)"}]},
                "paper": f"1 + lam2 + {half} + lam2*c2t^2/(2*c^2) + lam2*s2t^2/(2*s^2)"}
        which = "as printed (constant term with 1/(2cos(phi)))" if printed else \
            "with the constant term 1/(2cos^2(phi)) (corrected)"
        stmt = (f"Eq. (F5) {which} holds at p = 18/29 (c = cos phi = 3/5, s = sin phi = -4/5, s2t = sin 2theta = "
                "-24/25, c2t = cos 2theta = -7/25, lam2 = lambda^2 = 25/11): the kernel computes the constant "
                "that makes (F5) an identity and compares it with the printed one.")
        return envelope2(pid, "C000-10", PAPER, "App. F, Eq. (F5), L1006-1012", stmt, "sos",
                         "refuted" if printed else "verified", CORRELATOR, data, parameters=params)


_f5_cert(True)
_f5_cert(False)
