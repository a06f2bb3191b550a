"""First Sengupta–Wooltorton certificates: the worked example of Sec. III A (C000-01) and
Proposition 1 item 1 (C000-08) at rational p."""
from __future__ import annotations

from fractions import Fraction

from ..certificates.format import envelope, envelope2
from ..kernel.expr import parse_rational
from ..kernel.functional import functional_from_spec, to_sw_matrix
from ..kernel.numbers import format_rational
from ..kernel.poly import Poly
from ..polytopes.signaling import ns_products_a_to_b, ns_products_b_to_a, vertex
from .chsh import CHSH_SCENARIO, CORRELATOR, local_bound_data
from . import generator

PAPER = "sengupta-wooltorton"
SW = {"form": "sw-4x4", "matrix": "P[2x+a][2y+b] = p(ab|xy), Eq. (5)", "pairing": "<F,P> = sum_ij F_ij P_ij"}


@generator("C000-01", PAPER, "C000-01")
def worked_example():
    p = Poly.var("p")
    f_a, f_b = [[0, 0], [1, 1]], [[0, 1], [1, 0]]  # A = X;  B = X~ xor Y  (tables (10))
    P = vertex(f_a, f_b, p, p, Fraction(1, 2), Fraction(1, 2))
    eab = max(ns_products_a_to_b(P), key=lambda v: v.evaluate({"p": Fraction(3, 4)}))
    eba = max(ns_products_b_to_a(P), key=lambda v: v.evaluate({"p": Fraction(3, 4)}))
    return envelope(
        "C000-01", "C000-01", PAPER, "Sec. III A, Eqs. (9)-(10), L154-166",
        "For the one-way symmetric channel S_(p,p),(1/2,1/2), f_A = x and f_B = x~ xor y give the behaviour "
        "[[p,1-p,1-p,p],[0,0,0,0],[0,0,0,0],[1-p,p,p,1-p]] with eps^(B->A) = 0 and eps^(A->B) = 2p-1.",
        "signaling-vertex", {"verdict": "verified"}, SW,
        {"model": "one-way-symmetric", "fidelities": {"p": "p", "q": "p", "r": "1/2", "s": "1/2"},
         "alice": f_a, "bob": f_b,
         "behaviour": [[v.to_text() for v in row] for row in to_sw_matrix(P.values)],
         "epsilon": {"A->B": eab.to_text(), "B->A": eba.to_text()}},
        parameters={"p": {"range": ["1/2", "1"]}})


T_P_TERMS = {"B@01": "1", "B@00": "-1", "B@10": "(1-p)/p", "B@11": "-(1-p)/p",
             "A0B0": "1", "A0B1": "1", "A1B0": "(1-p)/p", "A1B1": "-(1-p)/p"}
T_P_BOUND = "2*(abs(2*p - 1) + 1 - p)/p"


def prop1_item1(p: Fraction):
    pid = f"C000-08.p={format_rational(p)}"

    @generator(pid, PAPER, "C000-08")
    def make():
        F = functional_from_spec(CHSH_SCENARIO, {"terms": T_P_TERMS}, CORRELATOR,
                                 lambda c: parse_rational(c, {"p": p}))
        return envelope2(
            pid, "C000-08", PAPER, "Proposition 1 item 1, Eq. (12), L287-293",
            f"At p = {format_rational(p)}, T_p(P) <= 2(|2p-1| + 1 - p)/p on non-signaling local behaviours, "
            "with equality for some deterministic strategy.",
            "local-bound", "verified", CORRELATOR, local_bound_data(F, {"terms": T_P_TERMS}, T_P_BOUND),
            parameters={"p": format_rational(p)})


for _p in ("41/100", "9/20", "1/2", "3/4", "9/10"):
    prop1_item1(Fraction(_p))
