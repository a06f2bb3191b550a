"""Wooltorton–Brown–Colbeck C004-09 (Prop. 1(iv), L107): the exact piece of the self-test, the SOS nullifiers.

Each premise (kind sos, C004-06.quantum.*) decides eta*1 - B = sum_i w_i P_i^2 (for a minimum B - eta*1), w_i > 0,
P_i Hermitian polynomials of degree one in the observables, and that strategy (6) itself reaches eta exactly.
Then sum_i w_i ||P_i psi||^2 = 0, so every P_i|psi> = 0: the nullifiers (A~_y -+ B_y)|psi> = 0 of the catalogue's
C004-09(a), the first step of an SOS self-test. The uniqueness up to local isometries (Jordan's lemma, in the
supplementary material) is OUT. Premises: one maximum (eta^Q > 0) and one minimum (eta^Q < 0) of strategy (6).
"""
from __future__ import annotations

from ..certificates.format import envelope2
from . import generator
from .wbc_family import PAPER

PREMISES = ["C004-06.quantum.theta=1_3_phi=3_4_omega=17_12.max.json",
            "C004-06.quantum.theta=1_3_phi=1_3_omega=1.min.json"]


@generator("C004-09.nullifiers", PAPER, "C004-09")
def nullifiers():
    data = {"rule": "all", "premises": PREMISES,
            "stated": "each premise decides an SOS eta*1 - B = sum_i w_i P_i^2 (B - eta*1 for the minimum) with "
                      "w_i > 0 and P_i Hermitian, and that the file's strategy, strategy (6), reaches eta exactly "
                      "(the relation =); so sum_i w_i ||P_i psi||^2 = 0 and every P_i|psi> = 0 on strategy (6): the "
                      "SOS nullifiers of Prop. 1(iv)'s self-test. Not certified (OUT): uniqueness up to local "
                      "isometries (Jordan's lemma, supplementary material)"}
    return envelope2("C004-09.nullifiers", "C004-09", PAPER, "Prop. 1(iv), L107",
                     "The exact piece of Prop. 1(iv): at two angle triples with (4) (one quantum maximum, one "
                     "minimum) the SOS polynomials of the decided certificate annihilate strategy (6)'s state.",
                     "composite", "verified", {}, data)
