"""First Sengupta–Wooltorton certificates: the worked example of Sec. III A (C000-01) and
Proposition 1 item 1 (C000-08) at rational p."""
from __future__ import annotations

from fractions import Fraction

from ..certificates.format import envelope2
from ..behaviours import parse_rational
from ..kernel.functional import functional_from_spec
from ..kernel.numbers import format_rational
from .chsh import CHSH_SCENARIO, CORRELATOR, local_bound_data
from . import generator

PAPER = "sengupta-wooltorton"
SW = {"form": "sw-4x4", "matrix": "P[2x+a][2y+b] = p(ab|xy), Eq. (5)", "pairing": "<F,P> = sum_ij F_ij P_ij"}


@generator("C000-01", PAPER, "C000-01")
def worked_example():
    """Sec. III A, Eqs. (9)-(10), L154-166: the paper's printed behaviour and eps values are stated
    as ``paper``; the kernel (identity mode sw-point) computes the Eq. (9) point itself."""
    f_a, f_b = [[0, 0], [1, 1]], [[0, 1], [1, 0]]  # A = X;  B = X~ xor Y  (tables (10))
    printed = [["p", "1-p", "1-p", "p"], ["0", "0", "0", "0"], ["0", "0", "0", "0"], ["1-p", "p", "p", "1-p"]]
    return envelope2(
        "C000-01", "C000-01", PAPER, "Sec. III A, Eqs. (9)-(10), L154-166",
        "For the one-way symmetric channel S_(p,p),(1/2,1/2), f_A = x and f_B = x~ xor y give the behaviour "
        "[[p,1-p,1-p,p],[0,0,0,0],[0,0,0,0],[1-p,p,p,1-p]] with eps^(B->A) = 0 and eps^(A->B) = 2p-1.",
        "identity", "verified", SW,
        {"mode": "sw-point", "fidelities": {"p": "p", "q": "p", "r": "1/2", "s": "1/2"},
         "alice": f_a, "bob": f_b, "paper": {"behaviour": printed, "epsilon": {"A->B": "2*p - 1", "B->A": "0"}}},
        parameters={"p": "[1/2, 1]"})


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
