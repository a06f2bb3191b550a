"""Wooltorton–Brown–Colbeck, Prop. 3 (C004-16) under the fixed key pair (0,0): the existence half,
by explicit paths, as a ``composite`` certificate over ``inequality`` premises.

For phi in [pi/6, pi/2) (i.e. eps = H_bin((1 + sin phi)/2) in (0, 2 - (3/4) log2 3], C004-16.eps-range.*)
the path theta = pi/2 + t - phi, omega = phi - pi - 2t has E = (sin phi, -sin(phi - 2t), cos t, -cos t), so
I_CHSH = sin phi - sin(phi - 2t) + 2 cos t: 2 at t = 0 (a corner of the (4)-region, where every CHSH form
is <= 2, so the max-of-8 reading is covered too) and >= 5/2 at the end
t_end(phi) of the path; condition (4) holds for t in (0, t_end]. The parametrisations are exact (tangent
half-angle with tan(pi/6) = sqrt(3)/3, so every divisor is rational): phi runs over [pi/6, pi/2) exactly,
and only continuity and the intermediate value step are stated.
"""
from __future__ import annotations

from itertools import product

from ..certificates.format import envelope2
from ..prover import api
from ..prover.expression import parse_ast
from . import generator

PAPER = "wooltorton-brown-colbeck"
CID = "C004-16.fixed-pair.paths"
# phi = pi/2 - 2*atan(w/sqrt(3)): sin phi = cos(2 atan(w/sqrt(3))), cos phi = sin(2 atan(w/sqrt(3)));
# t = 2*atan((2 - w)*v/(2*sqrt(3))): cos t, sin t by the tangent half-angle formulas (rational divisors)
SIN_PHI, COS_PHI = "((3 - w^2)/(3 + w^2))", "(2*sqrt(3)*w/(3 + w^2))"
COS_T = "((12 - (2 - w)^2*v^2)/(12 + (2 - w)^2*v^2))"
SIN_T = "(4*sqrt(3)*(2 - w)*v/(12 + (2 - w)^2*v^2))"


def _texts():
    """Standard I_CHSH, the maximum of the 8 CHSH forms and the product of the cosines of (4) along
    the path, in w and v."""
    sp, cp, ct, st = SIN_PHI, COS_PHI, COS_T, SIN_T
    cos2, sin2 = f"({ct}^2 - {st}^2)", f"(2*{st}*{ct})"
    # E00 = sin phi, E01 = sin omega = -sin(phi - 2t), E10 = sin(theta + phi) = cos t, E11 = sin(theta + omega)
    E = [sp, f"(-({sp}*{cos2} - {cp}*{sin2}))", ct, f"(-{ct})"]
    chsh = f"{E[0]} + {E[1]} + {E[2]} - {E[3]}"
    forms = [s for s in product("+-", repeat=4) if s.count("-") % 2]  # an odd number of minus signs
    max8 = "max(" + ", ".join(" ".join(f"{c} {e}" for c, e in zip(s, E)).removeprefix("+ ") for s in forms) + ")"
    cond4 = f"(-{st})*{cp}*(-{st})*(-({cp}*{cos2} + {sp}*{sin2}))"  # cos(th+ph) cos(ph) cos(th+om) cos(om)
    return chsh, max8, cond4


PARTS = {"start": ("I_CHSH = 2 at t = 0", 0, "==", "2", {"w": "(0, 1]", "v": "0"}),
         "start-max8": ("every CHSH form is <= 2 at t = 0", 1, "<=", "2", {"w": "(0, 1]", "v": "0"}),
         "end": ("I_CHSH >= 5/2 at the end of the path", 0, ">=", "5/2", {"w": "(0, 1]", "v": "1"}),
         "condition4": ("condition (4) along the path", 2, "<", "0", {"w": "(0, 1]", "v": "(0, 1]"})}
PATH = ("phi = pi/2 - 2*atan(w/sqrt(3)), w in (0, 1] (so phi runs over [pi/6, pi/2) exactly); the path "
        "theta = pi/2 + t - phi, omega = phi - pi - 2t with t = 2*atan((2 - w)*v/(2*sqrt(3))), v in [0, 1] "
        "(t from 0 to t_end(phi), which tends to pi/3 as phi tends to pi/2)")
CONVENTIONS = {
    "path": PATH,
    "chsh": "E = (sin phi, sin omega, sin(theta+phi), sin(theta+omega)) = (sin phi, -sin(phi - 2t), cos t, "
            "-cos t), standard I_CHSH = E00 + E01 + E10 - E11 = sin phi - sin(phi - 2t) + 2 cos t",
    "condition4": "cos(theta+phi) cos(phi) cos(theta+omega) cos(omega) < 0, with cos(theta+phi) = "
                  "cos(theta+omega) = -sin t and cos(omega) = -cos(phi - 2t)",
    "substitution": "tangent half-angle: cos(2 atan x) = (1 - x^2)/(1 + x^2), sin(2 atan x) = 2x/(1 + x^2); "
                    "sin phi = (3 - w^2)/(3 + w^2), cos phi = 2*sqrt(3)*w/(3 + w^2), "
                    "cos t = (12 - (2 - w)^2*v^2)/(12 + (2 - w)^2*v^2), "
                    "sin t = 4*sqrt(3)*(2 - w)*v/(12 + (2 - w)^2*v^2)"}


def _premise(part):
    what, which, rel, rhs, params = PARTS[part]
    lhs = _texts()[which]
    names = tuple(k for k, d in params.items() if d.startswith(("(", "[")))
    fixed = {k: d for k, d in params.items() if k not in names}
    st = api.pc.Statement.of(parse_ast(lhs, names, fixed), rel, parse_ast(rhs, names, fixed), names,
                             tuple(api._domain(params[k]) for k in names))
    proof = {"method": "identity"} if rel == "==" else api.prove(st)
    if api.verify(st, proof)[0] != "verified":
        raise ValueError(f"{part}: not proved")
    return envelope2(
        f"{CID}.{part}", "C004-16", PAPER, "Prop. 3, L128-130 (fixed key pair (0,0))",
        f"Premise of {CID}: {what}, for every phi in [pi/6, pi/2).", "inequality", "verified",
        {**CONVENTIONS, "sqrt": api.SQRT}, {"lhs": lhs, "relation": rel, "rhs": rhs, "proof": proof},
        parameters=params)


for _part in PARTS:
    generator(f"{CID}.{_part}", PAPER, "C004-16")(lambda part=_part: _premise(part))

STATED = ("the premises' expressions are, along the path, the correlators E00, E01, E10, E11 of strategy (6) in "
          "standard I_CHSH and in the 8 CHSH forms, and the product of the cosines of condition (4), with " + PATH + "; I_CHSH is continuous in v, so for every phi in [pi/6, pi/2) and "
          "every s in (2, 5/2] some v in (0, 1] gives I_CHSH = s with condition (4); the same holds for the "
          "maximum of the 8 CHSH forms (continuous too: <= 2 at t = 0, >= the standard form at the end)")


@generator(CID, PAPER, "C004-16")
def prop3_fixed_pair_paths():
    premises = [f"{CID}.{part}.json" for part in PARTS]
    return envelope2(
        CID, "C004-16", PAPER, "Prop. 3, L128-130 (fixed key pair (0,0), as in the construction)",
        "Existence half of Prop. 3 under the fixed key pair: for every phi in [pi/6, pi/2) (so every eps = "
        "H_bin((1 + sin phi)/2) in (0, 2 - (3/4) log2 3], see C004-16.eps-range.*) and every s in (2, 5/2] "
        "some (theta, omega) with condition (4) gives standard I_CHSH = s. Decided (premises): along the "
        "path theta = pi/2 + t - phi, omega = phi - pi - 2t, I_CHSH = 2 and every CHSH form <= 2 at t = 0, "
        "I_CHSH >= 5/2 at t = t_end(phi) and condition (4) for t in (0, t_end(phi)], for every phi in [pi/6, pi/2). Stated: continuity of "
        "I_CHSH in t and the intermediate value theorem.",
        "composite", "verified",
        {**CONVENTIONS, "key_pair": "fixed pair (X, Y) = (0, 0): eps = H_bin((1 + sin phi)/2) (C004-17), "
                                    "phi in [pi/6, pi/2)"},
        {"rule": "intermediate-value", "premises": premises, "stated": STATED})
