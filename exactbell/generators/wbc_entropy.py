"""Entropy values of Wooltorton–Brown–Colbeck (kernel kind ``interval``, an ``expression`` in H_bin):
the endpoint 2 − (3/4)·log2(3) = H_bin(3/4) of Prop. 3 (reached at φ = π/6), and rigorous brackets of
ε = H_bin((1 + sin φ)/2) at other angles (Eq. F10), including the Prop. 5 threshold H_bin((2+√2)/4)."""
from __future__ import annotations

from ..certificates.format import envelope2
from . import generator
from .interval_brackets import with_bracket

PAPER = "wooltorton-brown-colbeck"
DIGITS = 9
CONV = {"information": "bits: log base 2"}


def _value_cert(cid, claim, argument, location, summary, paper=()):
    @generator(cid, PAPER, claim)
    def make():
        data = {"quantity": {"of": "expression", "value": f"H_bin({argument})"}, "bracket": ["0.0", "1.0"]}
        if paper:
            data["paper"] = list(paper)
        return with_bracket(envelope2(cid, claim, PAPER, location, summary, "interval", "verified", CONV, data),
                            DIGITS)


_value_cert("C004-11.endpoint", "C004-11", "3/4", "L85 and Prop. 3, L128",
            "The endpoint 2 - (3/4)log(3) of the epsilon range equals H_bin(3/4) = H_bin((1 + sin(pi/6))/2) "
            "exactly when log is base 2; read with ln it would be 2 - (3/4) ln 3 = 1.176 > 1, impossible for a "
            "binary entropy (not decided here).", paper=["= 2 - 3/4*log2(3)"])
_value_cert("C004-17.phi=5/12", "C004-17", "(1 + sin(5*pi/12))/2", "L130, Eq. F10",
            "At phi = 5pi/12, epsilon = H(A|X=0,Y=0,B) = H_bin((1 + sin phi)/2) is bracketed rigorously.")
_value_cert("C004-17.phi=9/20", "C004-17", "(1 + sin(9*pi/20))/2", "L130, Eq. F10",
            "At phi = 9pi/20, epsilon = H_bin((1 + sin phi)/2) is about 0.054, below its value 0.124 at 5pi/12; "
            "that epsilon decreases to 0 as phi -> pi/2 is stated, not checked here: sin phi increases on "
            "[pi/6, pi/2), H_bin decreases on [1/2, 1) (C004-11.hbin-decreasing) and H_bin(q) -> 0 as q -> 1.")
_value_cert("C004-23.threshold", "C004-23", "(2 + sqrt(2))/4", "Prop. 5, L147",
            "The Prop. 5 threshold H_bin((2 + sqrt 2)/4) is epsilon at phi = pi/4, i.e. H_bin((1 + sin(pi/4))/2), "
            "and is bracketed rigorously.")
