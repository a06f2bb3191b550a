"""Gauss–Radau quadrature on [0, 1] with the end node t_m = 1 (Brown–Fawzi–Fawzi, Thm 2.3 / Eq. (12)).

On [-1, 1] with the fixed node +1 the free nodes are the roots of (P_{m-1}(x) - P_m(x))/(1 - x) and
the weights are (1 + x_i)/(m^2 P_{m-1}(x_i)^2), the fixed node has 2/m^2 (Abramowitz–Stegun 25.4.31,
reflected); t = (1 + x)/2 and w/2 map them to [0, 1]. The rule integrates polynomials of degree
2m - 2 exactly. For m = 2: t = (1/3, 1), w = (3/4, 1/4).
"""
from __future__ import annotations

from fractions import Fraction

import numpy as np
from numpy.polynomial import legendre as L


def gauss_radau(m: int) -> tuple[np.ndarray, np.ndarray]:
    """(nodes t_1 < … < t_m = 1, weights) on [0, 1]."""
    if m < 1:
        raise ValueError("Gauss-Radau needs m >= 1 nodes")
    if m == 1:
        return np.array([1.0]), np.array([1.0])
    diff = L.legsub(np.eye(m + 1)[m - 1], np.eye(m + 1)[m])  # P_{m-1} - P_m, vanishes at x = 1
    quotient, _ = L.legdiv(diff, L.poly2leg([1.0, -1.0]))
    x = np.sort(np.real(L.legroots(quotient)))
    w = (1 + x) / (m * m * L.legval(x, np.eye(m)[m - 1]) ** 2)
    t = np.append((1 + x) / 2, 1.0)
    return t, np.append(w / 2, 1.0 / (m * m))


def gauss_radau_2() -> tuple[tuple, tuple]:
    """The m = 2 rule exactly: nodes (1/3, 1), weights (3/4, 1/4)."""
    return (Fraction(1, 3), Fraction(1)), (Fraction(3, 4), Fraction(1, 4))


def bff_constant(t, w) -> float:
    """c_m = Σ_{i<m} w_i / (t_i ln 2) of BFF Thm 2.3 (the node t_m = 1 is dropped)."""
    return float(sum(wi / (ti * np.log(2)) for ti, wi in zip(t[:-1], w[:-1])))
