"""Bell functionals in the Faacets text form (Rosset et al., faacets.com; syntax page of
denisrosset/faacets-play ``content/syntax.md``): a sum of terms, each with an optional rational coefficient
before it, in one of three notations with inputs and outputs numbered from 1:

* full probabilities ``P(ab…|xy…)``;
* Collins–Gisin ``P_AB(ab|xy)`` (parties named; a party left out is its marginal, outcomes below the last);
* correlators ``<A1 B2>`` (binary outcomes, A_x = M_{1|x} − M_{2|x} in 1-based outcomes).

Faacets has no constant terms, so a functional whose Collins–Gisin or correlator form has a constant is
refused in those notations (write it in ``probability`` notation, where a constant is spread over p(a|x)).
"""
from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from .arrays import _api, shape, to_array

LETTERS = "ABCDEFGH"
_TERM = re.compile(r"\s*([+-])?\s*(\d+(?:/\d+)?)?\s*\*?\s*(<[^<>]*>|P(?:_[A-H]+)?\(\s*[0-9]+\s*\|\s*[0-9]+\s*\))")
_NOTATION = {"<": "correlator", "P(": "probability", "P_": "collins-gisin"}


def _digits(s: str, n: int, what: str, term: str) -> list[int]:
    s = s.replace(" ", "")
    if len(s) != n or not s.isdigit() or "0" in s:
        raise ValueError(f"{term}: {n} {what} numbered from 1 to 9 expected, got {s!r}")
    return [int(c) - 1 for c in s]


def from_faacets(scenario: Any, text: str, name: str = "text"):
    """A :class:`~exactbell.api.BellFunctional` from Faacets text (one notation per expression)."""
    api = _api()
    sc = api._scenario(scenario)
    pos, terms, notation = 0, {}, None
    text = text.strip()
    if not text:
        raise ValueError(f"{name}: empty expression")
    while pos < len(text):
        m = _TERM.match(text, pos)
        if not m or (pos and not m.group(1)):
            raise ValueError(f"{name}: cannot read {text[pos:pos + 20]!r} at character {pos} (terms are "
                             f"'[+|-] [p/q] <A1 B2>', 'P(12|11)' or 'P_AB(11|12)'; no constants)")
        sign, coeff, term = m.group(1), m.group(2), m.group(3)
        kind = _NOTATION[term[0] if term[0] == "<" else term[:2]]
        if notation not in (None, kind):
            raise ValueError(f"{name}: {term!r} mixes {kind} with {notation} notation")
        notation = kind
        c = Fraction(coeff) if coeff else Fraction(1)
        c = -c if sign == "-" else c
        if kind == "correlator":
            parts = term[1:-1].split()
            if not parts:
                raise ValueError(f"{name}: empty correlator {term!r}")
            key = ""
            for p in parts:
                pm = re.fullmatch(r"([A-H])([1-9][0-9]*)", p)
                if not pm:
                    raise ValueError(f"{name}: {p!r} in {term!r} is not a party letter and an input from 1")
                key += f"{pm.group(1)}{int(pm.group(2)) - 1}"
        elif kind == "probability":
            outs, ins = term[2:-1].split("|")
            a = _digits(outs, sc.parties, "outcomes", term)
            x = _digits(ins, sc.parties, "inputs", term)
            key = (tuple(a), tuple(x))
        else:
            letters, rest = term[2:].split("(", 1)
            outs, ins = rest[:-1].split("|")
            a = _digits(outs, len(letters), "outcomes", term)
            x = _digits(ins, len(letters), "inputs", term)
            key = f"p{letters}({''.join(map(str, a))}|{''.join(map(str, x))})"
        if key in terms:
            raise ValueError(f"{name}: term {term!r} appears twice")
        terms[key] = c
        pos = m.end()
    if notation == "probability":
        coeffs = [Fraction(0)] * sc.size
        for (a, x), c in terms.items():
            try:
                coeffs[sc.index(a, x)] = c
            except ValueError:
                raise ValueError(f"{name}: P({a}|{x}) (0-based) is outside the scenario {sc!r}") from None
        return api.BellFunctional.from_probabilities(sc, coeffs)
    try:
        if notation == "correlator":
            return api.BellFunctional.from_correlators(sc, terms)
        return api.BellFunctional.from_collins_gisin(sc, terms)
    except ValueError as e:
        raise ValueError(f"{name}: {e}") from None


def _coeff(c: Fraction, first: bool) -> str:
    sign = "-" if c < 0 else ("" if first else "+")
    mag = abs(c)
    body = "" if mag == 1 else (f"{mag.numerator}" if mag.denominator == 1 else f"{mag.numerator}/{mag.denominator}")
    return (f"{sign} " if sign and not first else sign) + (body + " " if body else "")


def to_faacets(F: Any, notation: str = "collins-gisin") -> str:
    """Faacets text of a functional in ``notation`` (``probability``, ``collins-gisin`` or ``correlator``)."""
    api = _api()
    F = api._functional(F)
    sc = F.scenario
    if max(sc.inputs) > 9 or max(sc.outputs) > 9:
        raise ValueError("F: the Faacets text form numbers inputs and outputs with one digit (at most 9)")
    code = {"probability": "fp", "collins-gisin": "cg", "correlator": "fc"}.get(notation)
    if code is None:
        raise ValueError(f"notation: {notation!r} is not probability, collins-gisin or correlator")
    from itertools import product

    arr, want, out = to_array(F, code), shape(sc, code), []
    order = sorted(product(*map(range, want)),  # constant, then marginals of A, of B, …, then pairs, …
                   key=lambda i: (sum(map(bool, i)), [k for k, j in enumerate(i) if j], i))
    for idx in order if code != "fp" else product(*map(range, want)):
        v = arr
        for i in idx:
            v = v[i]
        if v == 0:
            continue
        if code == "fp":
            a, x = idx[:sc.parties], idx[sc.parties:]
            term = f"P({''.join(str(i + 1) for i in a)}|{''.join(str(i + 1) for i in x)})"
        elif not any(idx):
            raise ValueError(f"F: its {notation} form has the constant {api._text(v)}, which Faacets cannot "
                             f"write; use notation='probability'")
        elif code == "fc":
            term = "<" + " ".join(f"{LETTERS[k]}{i}" for k, i in enumerate(idx) if i) + ">"
        else:
            on = [(k, divmod(i - 1, sc.outputs[k] - 1)) for k, i in enumerate(idx) if i]
            term = (f"P_{''.join(LETTERS[k] for k, _ in on)}({''.join(str(a + 1) for _, (_, a) in on)}|"
                    f"{''.join(str(x + 1) for _, (x, _) in on)})")
        out.append(_coeff(v, not out) + term)
    return " ".join(out) if out else "0 P(" + "1" * sc.parties + "|" + "1" * sc.parties + ")"
