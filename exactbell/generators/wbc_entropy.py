"""Entropy values of Wooltorton–Brown–Colbeck (kind entropy-value): the endpoint
2 − (3/4)·log2(3) = H_bin(3/4) of Prop. 3 (reached at φ = π/6), why the log must be base 2,
and rigorous decimal cells of ε = H_bin((1 + sin φ)/2) at other angles (Eq. F10) including the
Prop. 5 threshold H_bin((2+√2)/4) at φ = π/4."""
from __future__ import annotations

from fractions import Fraction

from ..certificates.format import envelope
from ..legacy.checkers.quantum_entropy import _arb, _cell
from ..kernel.algebraic import scalar_text
from ..kernel.numbers import format_rational
from ..quantum.trig import trig_field
from . import generator

PAPER = "wooltorton-brown-colbeck"
DIGITS = 9
CONV = {"entropy": "H_bin(q) = -q log2 q - (1-q) log2(1-q), in bits", "angles": "phi in units of pi"}


def _h_cell(q, digits=DIGITS):
    import flint

    old = flint.ctx.prec
    flint.ctx.prec = 256
    try:
        qa = _arb(q)
        h = -(qa * qa.log() + (1 - qa) * (1 - qa).log()) / flint.arb(2).log()
        return _cell(h, digits)
    finally:
        flint.ctx.prec = old


def _cell_text(c):
    return [format_rational(c[0]), format_rational(c[1])]


def _value_cert(cid, claim, phi: Fraction, location, statement, extra=None):
    @generator(cid, PAPER, claim)
    def make():
        K, vals = trig_field([phi])
        s = vals["sin"][phi]
        if K is not None and s.is_rational():
            K, s = None, s.c[0] if s.c else Fraction(0)
        q = (1 + s) / 2
        data = {}
        if K is not None:
            data["field"] = K.describe()
        data.update({"phi": format_rational(phi), "trig": {"sin": {format_rational(phi): scalar_text(s)}},
                     "argument": scalar_text(q), "digits": DIGITS, "interval": _cell_text(_h_cell(q))})
        if extra:
            data.update(extra(q))
        return envelope(cid, claim, PAPER, location, statement, "entropy-value", {"verdict": "verified"}, CONV, data)


def _endpoint_extra(q):
    import flint

    old = flint.ctx.prec
    flint.ctx.prec = 256
    try:
        ln = flint.arb(2) - flint.arb(3) / 4 * flint.arb(3).log()
        cell = _cell(ln, DIGITS)
    finally:
        flint.ctx.prec = old
    return {"log_form": {"constant": "2", "log2": {"3": "-3/4"}}, "natural_log": _cell_text(cell)}


_value_cert("C004-11.endpoint", "C004-11", Fraction(1, 6), "L85 and Prop. 3, L128",
            "The endpoint 2 - (3/4)log(3) of the epsilon range equals H_bin(3/4) = H_bin((1 + sin(pi/6))/2) "
            "exactly when log is base 2 (value in the stated decimal cell); read with ln it would exceed 1, "
            "impossible for a binary entropy.", _endpoint_extra)
_value_cert("C004-17.phi=5/12", "C004-17", Fraction(5, 12), "L130, Eq. F10",
            "At phi = 5pi/12, epsilon = H(A|X=0,Y=0,B) = H_bin((1 + sin phi)/2) lies in the stated decimal cell.")
_value_cert("C004-17.phi=9/20", "C004-17", Fraction(9, 20), "L130, Eq. F10",
            "At phi = 9pi/20, epsilon = H_bin((1 + sin phi)/2) lies in the stated decimal cell (about 0.054, "
            "below its value 0.124 at 5pi/12; that epsilon decreases to 0 as phi -> pi/2 is stated, not checked here: "
            "sin phi increases on [pi/6, pi/2), H_bin decreases on [1/2, 1) (C004-11.hbin-decreasing) and "
            "H_bin(q) -> 0 as q -> 1).")
_value_cert("C004-23.threshold", "C004-23", Fraction(1, 4), "Prop. 5, L147",
            "The Prop. 5 threshold H_bin((2 + sqrt 2)/4) is epsilon at phi = pi/4, i.e. H_bin((1 + sin(pi/4))/2), "
            "and lies in the stated decimal cell.")
