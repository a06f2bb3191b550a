"""Liu–Chiribella App. D–E: the 256 qubit extreme supermaps (C001-33) and the Eq. (89) family (C001-35).

Untrusted producer side: it computes the claimed counts with the same definitions as the checker
kinds ``bistochastic-extreme-points`` and ``bistochastic-eq89`` and writes them as data; the checker
recomputes every number.
"""
from __future__ import annotations

from itertools import product

from ..certificates.format import envelope
from . import generator

PAPER = "liu-chiribella"
ORDER = {"order": "diagonal supermaps S_ijkl, i = A_in, j = A_out, k = B_in, l = B_out (Eq. 87)"}


def _counts():
    from ..causal.exact import Space
    from ..legacy.checkers.causal_bistochastic_classes import CLASSES, classify

    sp = Space([2] * 4)
    cls = {}
    for p in sp.digits:
        cls.setdefault((p[0] ^ p[1], p[2] ^ p[3]), []).append(p)
    counts = dict.fromkeys(CLASSES, 0)
    total = 0
    for T in product(*[cls[c] for c in sorted(cls)]):
        counts[classify(T)] += 1
        total += 1
    return counts, total


@generator("C001-33", PAPER, "C001-33")
def extreme_points():
    counts, total = _counts()
    conv = dict(ORDER)
    conv["directions"] = ("a party's time direction may be flipped: d = 0 emits A_out and receives A_in, "
                          "d = 1 the reverse; dynamic = the second party's direction depends on the first "
                          "party's emitted value; first matching class wins, in the order of data.counts")
    return envelope(
        "C001-33", "C001-33", PAPER, "App. D Eqs. (79)-(85) and the classification after Eq. (85)",
        "For qubit classical supermaps Eq. (12) is equivalent to Eq. (80) (four class sums equal to 1); the "
        "set has 2^8 = 256 extreme points, classified as 2^4 no-signalling, 2^5 one-way with fixed time "
        "direction, 2^6 one-way with dynamic time direction, 2^4 indefinite-order of the form "
        "i = j+l+alpha, k = j+l+beta (mod 2), and 2^7 that are not stochastic processes in any direction.",
        "bistochastic-extreme-points", {"verdict": "verified"}, conv,
        {"d": 2, "affine_dimension": 12, "total": total, "counts": counts})


for _d in (2, 4, 6):
    def _make(d=_d):
        return envelope(
            f"C001-35.d={d}", "C001-35", PAPER, "App. E Eqs. (89)-(90)",
            f"For d = {d} the supermaps S_(2t,2t+1) of Eq. (89) (order A_O B_O A_I B_I) are admissible, and with "
            f"the instruments s' = 2 floor(s/2) + ((x+s) mod 2) they give "
            f"p = delta(a1, f1^(t)(x1,x2)) delta(a2, f2^(t)(x2,x1)) for every t < d/2 (Eq. 90).",
            "bistochastic-eq89", {"verdict": "verified"},
            {"order": "Eq. (89) is written on A_O B_O A_I B_I (erratum E3); checked on A_in A_out B_in B_out",
             "instrument": "s' = 2t + z, t = floor(s/2), z = (x + s) mod 2, outcome a = f^(t)(x, z)"},
            {"d": d, "supermaps": [[2 * t, 2 * t + 1] for t in range(d // 2)], "trace": d * d})
    generator(f"C001-35.d={_d}", PAPER, "C001-35")(_make)


@generator("C001-07", PAPER, "C001-07")
def causal_region():
    # the paper's region (App. C, Eq. (54), Fig. 2(b)); P^ave <= 1 is implied, so four facets remain
    return envelope(
        "C001-07", "C001-07", PAPER, "App. C Eq. (54), Fig. 2(b)",
        "The causal region in the (P11, P^ave) plane is {0 <= P11 <= 1, 0 <= P^ave <= 1, P11 + 2 P^ave <= 2} "
        "(P^ave <= 1 is redundant), with vertices (0,0), (1,0), (1,1/2), (0,1); maximising "
        "alpha P11 + (1-alpha) P^ave over it gives Eq. (49), max{1-alpha, (1+alpha)/2}, for every alpha in [0,1].",
        "causal-region-2d", {"verdict": "verified"},
        {"coordinates": "P11 = p(1,1|1,1), P^ave = (p_B(0|0,1) + p_A(0|1,0))/2",
         "vertices": "counter-clockwise from the lexicographically smallest",
         "facets": "[c_X, c_Y, r] for c_X P11 + c_Y P^ave <= r",
         "envelope": "[intercept, slope] for lines intercept + slope * alpha"},
        {"coordinates": ["P11", "Pave"], "causal_vertices": 112,
         "vertices": [["0", "0"], ["1", "0"], ["1", "1/2"], ["0", "1"]],
         "facets": [["-1", "0", "0"], ["1", "0", "1"], ["0", "-1", "0"], ["1", "2", "2"]],
         "envelope": [["1", "-1"], ["1/2", "1/2"]]})
