"""Producer-side helpers for the outer SDP relaxation of quantum Bob-with-input assemblages.

The relaxation itself (words, the identity behind the dual certificate, the coefficients C^y_w and the
steering functional f) is kernel code: :func:`exactbell.kernel.steering.relaxation_coefficients` documents it.
Here: the (S, T) index pairs per reduced word (for building the numeric SDP) and the word text format.
"""
from __future__ import annotations

from itertools import product

from ..kernel.steering import reduce_word, relaxation_coefficients, relaxation_value, words  # noqa: F401


def product_word(S, T) -> tuple:
    """red(S† T): S† is S reversed (projectors are Hermitian)."""
    return reduce_word(tuple(reversed(S)) + tuple(T))


def pairs_by_word(ws) -> dict:
    """reduced word -> list of (s, t) index pairs with red(ws[s]† ws[t]) = word."""
    out: dict = {}
    for s, t in product(range(len(ws)), repeat=2):
        out.setdefault(product_word(ws[s], ws[t]), []).append((s, t))
    return out


def data_words(nx) -> list[tuple]:
    return [()] + [(x,) for x in range(nx)]


def word_text(w) -> str:
    return ",".join(map(str, w))
