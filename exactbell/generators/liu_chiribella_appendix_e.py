"""Liu–Chiribella App. C–E: the causal region of Eq. (54) (C001-07: its polygon, kernel kind vertex-set,
image mode; its support function Eq. (49), local-bound over the causal model; their composite), the 256 qubit extreme supermaps (C001-33, vertex-set, supermap mode) and the Eq. (89) family
(C001-35, identity, supermap mode). The paper's printed values go to ``paper``; the kernel
recomputes everything from the declarative specs.
"""
from __future__ import annotations

from ..certificates.format import envelope2
from . import generator

PAPER = "liu-chiribella"
ORDER = {"order": "diagonal supermaps S_ijkl, i = A_in, j = A_out, k = B_in, l = B_out (Eq. 87)"}


@generator("C001-33", PAPER, "C001-33")
def extreme_points():
    """App. D: Eq. (80) as the partition of the 16 entries by (i+j, k+l) mod 2; the paper's counts
    (2^4, 2^5, 2^6, 2^4, 2^7) as ``paper``; the kernel (vertex-set, supermap mode) recomputes all."""
    return envelope2(
        "C001-33", "C001-33", PAPER, "App. D Eqs. (79)-(85) and the classification after Eq. (85)",
        "For qubit classical supermaps Eq. (12) is equivalent to Eq. (80) (four class sums equal to 1); the "
        "set has 2^8 = 256 extreme points, classified as 2^4 no-signalling, 2^5 one-way with fixed time "
        "direction, 2^6 one-way with dynamic time direction, 2^4 indefinite-order of the form "
        "i = j+l+alpha, k = j+l+beta (mod 2), and 2^7 that are not stochastic processes in any direction.",
        "vertex-set", "verified", dict(ORDER),
        {"model": {"name": "supermap", "partition": [[1, 1, 0, 0], [0, 0, 1, 1]]},
         "paper": {"no-signalling": 16, "one-way-fixed": 32, "one-way-dynamic": 64, "ico-xor": 16,
                   "non-functional": 128}})


# Eq. (89) on A_O B_O A_I B_I (erratum E3), term by term: (|xx><xx| + |yy><yy|) (x) (I-|y><y|) (x) |x><x|
# + (|xy><xy| + |yx><yx|) (x) |y><y| (x) (I-|x><x|) + (I-|x><x|-|y><y|)^(x)2 (x) |y><y| (x) |x><x|
EQ89 = [["{x}", "{x}", "I-{y}", "{x}"], ["{y}", "{y}", "I-{y}", "{x}"], ["{x}", "{y}", "{y}", "I-{x}"],
        ["{y}", "{x}", "{y}", "I-{x}"], ["I-{x,y}", "I-{x,y}", "{y}", "{x}"]]

for _d in (2, 4, 6):
    def _make(d=_d):
        return envelope2(
            f"C001-35.d={d}", "C001-35", PAPER, "App. E Eqs. (89)-(90)",
            f"For d = {d} the supermaps S_(2t,2t+1) of Eq. (89) (order A_O B_O A_I B_I) are admissible, and with "
            f"the instruments s' = 2 floor(s/2) + ((x+s) mod 2) they give "
            f"p = delta(a1, f1^(t)(x1,x2)) delta(a2, f2^(t)(x2,x1)) for every t < d/2 (Eq. 90).",
            "identity", "verified",
            {"order": "Eq. (89) is written on A_O B_O A_I B_I (erratum E3)",
             "instrument": "s' = 2t + z, t = floor(s/2), z = (x + s) mod 2, outcome a = f^(t)(x, z)"},
            {"mode": "supermap", "d": d, "order": ["A_out", "B_out", "A_in", "B_in"], "products": EQ89,
             "pairs": [[2 * t, 2 * t + 1] for t in range(d // 2)]})
    generator(f"C001-35.d={_d}", PAPER, "C001-35")(_make)


def _region_data():
    """vertex-set image-mode witness (App. C, Eq. (54)): X = P11 = p(11|11), Y = P^ave = (p_B(0|0,1) +
    p_A(0|1,0))/2 on the kernel's deterministic causal behaviours; separating functionals for the
    hull vertices, barycentric combinations (fan triangulation) for the other images."""
    from fractions import Fraction as Fr
    from ..kernel.models import causal_behaviours
    from ..kernel.scenario import Scenario
    sc = Scenario((2, 2), (2, 2))
    fx = [int(x == (1, 1) and a == (1, 1)) for a, x in sc.entries()]
    fy = [Fr(int(x == (0, 1) and a[1] == 0) + int(x == (1, 0) and a[0] == 0), 2) for a, x in sc.entries()]
    first = {}
    for k, outs in enumerate(causal_behaviours(sc)):
        beh = [int(outs[sc.contexts.index(x)] == a) for a, x in sc.entries()]
        pt = tuple(sum((c * b for c, b in zip(f, beh)), Fr(0)) for f in (fx, fy))
        first.setdefault(pt, k)
    cross = lambda o, a, b: (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])  # noqa: E731
    lo, up = [], []
    for chain, seq in ((lo, sorted(first)), (up, sorted(first, reverse=True))):
        for q in seq:
            while len(chain) >= 2 and cross(chain[-2], chain[-1], q) <= 0:
                chain.pop()
            chain.append(q)
    H = lo[:-1] + up[:-1]
    extreme, redundant = [], []
    for i, v in enumerate(H):
        a, b = H[i - 1], H[(i + 1) % len(H)]
        n = [b[1] - a[1], a[0] - b[0]]  # outward (ccw) normal of the chord of the two neighbours
        den = 1
        for c in n:
            den = den * Fr(c).denominator
        extreme.append({"label": [first[v]], "functional": [int(c * den) for c in n]})
    for pt, k in first.items():
        if pt in H:
            continue
        for j in range(1, len(H) - 1):
            A, B, C = H[0], H[j], H[j + 1]
            d = cross(A, B, C)
            w = (cross(pt, B, C) / d, cross(A, pt, C) / d, cross(A, B, pt) / d)
            if min(w) >= 0:
                redundant.append({"label": [k], "combination": [[[first[V]], str(x)] for V, x in zip((A, B, C), w)
                                                                 if x > 0]})
                break
    txt = lambda v: [str(c) for c in v]  # noqa: E731
    return {"model": {"name": "image", "base": "causal", "scenario": {"inputs": [2, 2], "outputs": [2, 2]},
                      "coordinates": {"X": {"coefficients": fx}, "Y": {"coefficients": txt(fy)}}},
            "extreme": extreme, "redundant": redundant,
            "paper": {"vertices": [["0", "0"], ["1", "0"], ["1", "1/2"], ["0", "1"]],
                      "facets": [["-1", "0", "0"], ["1", "0", "1"], ["0", "-1", "0"], ["1", "2", "2"]]}}


REGION = ("The causal region in the (P11, P^ave) plane is {0 <= P11 <= 1, 0 <= P^ave <= 1, P11 + 2 P^ave <= 2} "
          "(P^ave <= 1 is redundant), with vertices (0,0), (1,0), (1,1/2), (0,1)")
EQ49 = "maximising alpha P11 + (1-alpha) P^ave over it gives Eq. (49), max{1-alpha, (1+alpha)/2}, for every alpha in [0,1]"
LOCATION = "App. C Eq. (54), Fig. 2(b)"


@generator("C001-07.polygon", PAPER, "C001-07")
def causal_region():
    # the paper's region (App. C, Eq. (54), Fig. 2(b)); P^ave <= 1 is implied, so four facets remain
    return envelope2(
        "C001-07.polygon", "C001-07", PAPER, LOCATION, REGION + ".", "vertex-set", "verified",
        {"form": "probability", "order": "inputs-major",
         "coordinates": "X = P11 = p(1,1|1,1), Y = P^ave = (p_B(0|0,1) + p_A(0|1,0))/2",
         "paper": "vertices [X, Y]; facets [c_X, c_Y, r] for c_X X + c_Y Y <= r"},
        _region_data())


@generator("C001-07.envelope", PAPER, "C001-07")
def causal_envelope():
    """Eq. (49): max over the causal behaviours of alpha P11 + (1 - alpha) P^ave, alpha a parameter in [0, 1]
    (the region is the image of the causal polytope, so this is its maximum over the region)."""
    from ..kernel.scenario import Scenario
    sc = Scenario((2, 2), (2, 2))
    terms = [["alpha"] * (x == (1, 1) and a == (1, 1))
             + ["(1 - alpha)/2"] * ((x == (0, 1) and a[1] == 0) + (x == (1, 0) and a[0] == 0)) for a, x in sc.entries()]
    return envelope2(
        "C001-07.envelope", "C001-07", PAPER, LOCATION, "Over the causal region, " + EQ49 + ".", "local-bound",
        "verified", {"form": "probability", "order": "inputs-major"},
        {"scenario": {"inputs": [2, 2], "outputs": [2, 2]}, "model": "causal",
         "functional": {"coefficients": [" + ".join(t) or "0" for t in terms]}, "sense": "max",
         "paper": "max(1 - alpha, (1 + alpha)/2)", "relation": "==", "proof": {"method": "cells"}},
        {"alpha": "[0, 1]"})


@generator("C001-07", PAPER, "C001-07")
def causal_region_claim():
    return envelope2(
        "C001-07", "C001-07", PAPER, LOCATION, REGION + "; " + EQ49 + ".", "composite", "verified", {},
        {"rule": "all", "premises": ["C001-07.polygon.json", "C001-07.envelope.json"],
         "stated": "X = P11 and Y = P^ave are linear in p, so the causal region in the (X, Y) plane is the image of "
                   "the causal polytope, the convex hull of the images of its deterministic definite-order "
                   "behaviours (C001-07.polygon), and max over the region of alpha X + (1 - alpha) Y is the max over "
                   "those behaviours of <alpha F_X + (1 - alpha) F_Y, P> (C001-07.envelope)"})
