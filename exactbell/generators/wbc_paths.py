"""Wooltorton–Brown–Colbeck, Prop. 3 (C004-16) under the fixed key pair (0,0): the existence half,
by explicit paths (kind ``wbc-path``).

For phi in [pi/6, pi/2) (i.e. eps = H_bin((1 + sin phi)/2) in (0, 2 - (3/4) log2 3], C004-16.eps-range.*)
the path theta = pi/2 + t - phi, omega = phi - pi - 2t has E = (sin phi, -sin(phi - 2t), cos t, -cos t), so
I_CHSH = sin phi - sin(phi - 2t) + 2 cos t: 2 at t = 0 (a corner of the (4)-region) and >= 5/2 at t = pi/6
(phi <= pi/3) or t = pi/3 (phi >= pi/3); condition (4) holds for t in (0, t_end].
"""
from __future__ import annotations

from fractions import Fraction

from ..certificates.format import envelope
from ..legacy.checkers.trig_torus import Chart, _Lin
from ..legacy.checkers.wbc_path import cos_pi_text, sin_pi_text
from ..prover import Statement, prove
from . import generator

PAPER = "wooltorton-brown-colbeck"
THETA = {"phi": -1, "t": 1, "pi": "1/2"}
OMEGA = {"phi": 1, "t": -2, "pi": "-1"}


def _value_text(anchor: Fraction, s: int, t_end: Fraction) -> str:
    # same construction as the checker: the four correlator angles (a*phi + b*t + c) pi with signs
    terms = [((1, 0, 0), 1), ((1, -2, -1), 1), ((0, 1, Fraction(1, 2)), 1), ((0, -1, Fraction(-1, 2)), -1)]
    ch = Chart({"x": "w"}, Fraction(1), {"x": 0})
    parts = []
    for (a, b, c), sg in terms:
        A, C = a * s, a * anchor + b * t_end + c
        _c, _s, cx, sx = ch.cos_sin(_Lin({"x": A})) if A else (1, 1, "1", "0")
        sx, cx = (sx if _s == 1 else f"(-{sx})"), (cx if _c == 1 else f"(-{cx})")
        parts.append(f"{'+' if sg > 0 else '-'} ({sx}*({cos_pi_text(C)}) + {cx}*({sin_pi_text(C)}))")
    return " ".join(parts)


def _piece(lo, hi, kind, t_end, anchor, W):
    a = Fraction(lo) if anchor == "lo" else Fraction(hi)
    s = 1 if anchor == "lo" else -1
    st = Statement.make(_value_text(a, s, Fraction(t_end)), ">=", "5/2", {"w": f"[0, {W}]"})
    proof = prove(st)
    if proof["method"] == "refuted":
        raise ValueError(f"endpoint value below 5/2: {proof}")
    return {"phi": [lo, hi, kind], "t_end": t_end, "theta": THETA, "omega": OMEGA,
            "value": {"w": f"[0, {W}]", "anchor": anchor, "proof": proof}}


@generator("C004-16.fixed-pair.paths", PAPER, "C004-16")
def prop3_fixed_pair_paths():
    data = {"phi_range": ["1/6", "1/2", "[)"], "target": "5/2", "closure": "2",
            "pieces": [_piece("1/6", "1/3", "[]", "1/6", "lo", "3/10"),
                       _piece("1/3", "1/2", "[)", "1/3", "hi", "3/10")]}
    return envelope(
        "C004-16.fixed-pair.paths", "C004-16", PAPER, "Prop. 3, L128-130 (fixed key pair (0,0), as in the construction)",
        "Existence half of Prop. 3 under the fixed key pair: for every phi in [pi/6, pi/2) (so every eps = "
        "H_bin((1 + sin phi)/2) in (0, 2 - (3/4) log2 3], see C004-16.eps-range.*) and every s in (2, 5/2] some "
        "(theta, omega) with condition (4) gives standard I_CHSH = s. Checked: (4) along the paths "
        "theta = pi/2 + t - phi, omega = phi - pi - 2t for t in (0, t_end] (exact angle ranges), I_CHSH = 2 at t = 0 "
        "identically in phi, I_CHSH >= 5/2 at t = t_end for all phi of each piece (prover). Stated: continuity of "
        "I_CHSH in t (sines of affine angles) and the intermediate value theorem.",
        "wbc-path", {"verdict": "verified"},
        {"chsh": "standard form E00 + E01 + E10 - E11 with E_xy = sin(alpha_x + beta_y) of strategy (6); the max-of-8 "
                 "reading (figures) is covered too: at t = 0 every CHSH form is <= 2 (checked) and max8 >= standard",
         "angles": "phi, t, t_end and the affine coefficients in units of pi",
         "key_pair": "fixed pair (X, Y) = (0, 0): eps = H_bin((1 + sin phi)/2) (C004-17), phi in [pi/6, pi/2)",
         "parametrisation": "endpoint check: phi = anchor +- 2 atan(w), w in [0, W], with 2 atan(W) >= piece width "
                            "(checked with arb), tangent half-angle for sin/cos of multiples of 2 atan(w)"},
        data)
