"""Bell functionals F with ⟨F, P⟩ = Σ_{a,x} F(a|x) p(a|x), in the notations (``conventions.form``)
``probability``, ``sw-4x4`` (Sengupta–Wooltorton Eq. (5)), ``correlator`` and ``collins-gisin``;
terms that leave inputs open use ``marginals: uniform-average``. See docs/kinds/local-bound.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from math import prod

from .numbers import reject_inexact
from .scenario import PARTY_LETTERS, Behaviour, Scenario, ScenarioError

FORMS = ("probability", "sw-4x4", "correlator", "collins-gisin")
MARGINAL_CONVENTIONS = ("uniform-average",)
SW_SCENARIO = Scenario((2, 2), (2, 2))


@dataclass(frozen=True)
class BellFunctional:
    """Coefficients F(a|x) in canonical (inputs-major) order."""

    scenario: Scenario
    coefficients: tuple

    def __post_init__(self):
        if len(self.coefficients) != self.scenario.size:
            raise ScenarioError(
                f"functional has {len(self.coefficients)} coefficients, scenario needs {self.scenario.size}")
        reject_inexact(self.coefficients, "functional")

    def value(self, behaviour: Behaviour):
        if behaviour.scenario != self.scenario:
            raise ScenarioError("functional and behaviour live in different scenarios")
        return sum((c * v for c, v in zip(self.coefficients, behaviour.values) if c != 0), 0)


def sw_index(scenario: Scenario, i: int, j: int) -> int:
    """Eq. (5) of Sengupta–Wooltorton: entry (i, j) = (2x+a, 2y+b) is p(ab|xy)."""
    return scenario.index((i % 2, j % 2), (i // 2, j // 2))


def from_sw_matrix(matrix) -> list:
    """Canonical coefficient (or probability) list from a 4×4 Eq. (5) matrix."""
    if len(matrix) != 4 or any(len(row) != 4 for row in matrix):
        raise ScenarioError("sw-4x4 form needs a 4x4 matrix")
    out = [None] * 16
    for i in range(16):
        out[sw_index(SW_SCENARIO, i // 4, i % 4)] = matrix[i // 4][i % 4]
    return out


def _spread(sc: Scenario, fixed: dict, weight) -> list:
    """Coefficients of Σ_{x agreeing with ``fixed``} (1/#such x) Σ_a w(a) p(a|x): the uniform average over
    the inputs left open (the true marginal on non-signaling behaviours; the constant c is c/|contexts|
    on every p(a|x), i.e. c on normalized behaviours)."""
    n_free = prod(m for i, m in enumerate(sc.inputs) if i not in fixed)
    return [Fraction(weight(a), n_free) if all(x[i] == v for i, v in fixed.items()) else Fraction(0)
            for a, x in sc.entries()]


def _party(letter: str, sc: Scenario) -> int:
    if PARTY_LETTERS.index(letter) >= sc.parties:
        raise ScenarioError(f"party {letter} is not in a {sc.parties}-party scenario")
    return PARTY_LETTERS.index(letter)


def correlator_term(sc: Scenario, term: str) -> list:
    """Full-probability coefficients of a binary-outcome correlator term: ``"A0B1"`` (⟨A_0 B_1⟩),
    ``"B1"`` (⟨B_1⟩) or ``"B@01"`` (Bob's correlator at the full context (0,1))."""
    if "@" in term:
        letters, ctx = term.split("@", 1)
        if not re.fullmatch(r"[A-H]+", letters) or not re.fullmatch(r"[0-9]+", ctx) or len(ctx) != sc.parties:
            raise ScenarioError(f"bad correlator term {term!r}; expected e.g. 'B@01'")
        parties, fixed = [_party(c, sc) for c in letters], {i: int(c) for i, c in enumerate(ctx)}
    else:
        if not re.fullmatch(r"(?:[A-H][0-9]+)+", term):
            raise ScenarioError(f"bad correlator term {term!r}; expected e.g. 'A0B1'")
        pairs = [(_party(letter, sc), int(digits)) for letter, digits in re.findall(r"([A-H])([0-9]+)", term)]
        parties, fixed = [i for i, _ in pairs], dict(pairs)
        if len(fixed) != len(pairs):
            raise ScenarioError(f"a party appears twice in {term!r}")
    for i, v in fixed.items():
        if v >= sc.inputs[i]:
            raise ScenarioError(f"input {v} of party {PARTY_LETTERS[i]} out of range in {term!r}")
    if any(sc.outputs[i] != 2 for i in parties):
        raise ScenarioError(f"correlator term {term!r} needs binary outcomes")
    return _spread(sc, fixed, lambda a: (-1) ** sum(a[i] for i in parties))


def collins_gisin_term(sc: Scenario, term: str) -> list:
    """Full-probability coefficients of a Collins–Gisin term ``"pA(0|1)"`` or ``"pAB(00|10)"``."""
    m = re.fullmatch(r"p([A-H]+)\(([0-9]+)\|([0-9]+)\)", term)
    if not m or len(m.group(1)) != len(m.group(2)) or len(m.group(1)) != len(m.group(3)):
        raise ScenarioError(f"bad Collins-Gisin term {term!r}; expected e.g. 'pAB(00|01)'")
    parties = [_party(c, sc) for c in m.group(1)]
    outs, ins = [int(c) for c in m.group(2)], [int(c) for c in m.group(3)]
    if len(set(parties)) != len(parties):
        raise ScenarioError(f"repeated party in {term!r}")
    if any(o >= sc.outputs[i] - 1 or x >= sc.inputs[i] for i, o, x in zip(parties, outs, ins)):
        raise ScenarioError(f"Collins-Gisin term {term!r}: an input out of range or a last outcome")
    return _spread(sc, dict(zip(parties, ins)), lambda a: int(all(a[i] == o for i, o in zip(parties, outs))))


def functional_from_spec(scenario: Scenario, spec: dict, conventions: dict, parse_coeff) -> BellFunctional:
    """Build a functional from its certificate text in the notation named by ``conventions``."""
    form = conventions.get("form")
    if form in ("correlator", "collins-gisin"):
        if conventions.get("marginals", "uniform-average") not in MARGINAL_CONVENTIONS:
            raise ScenarioError(f"unknown marginal convention {conventions.get('marginals')!r}")
        if not isinstance(spec.get("terms"), dict):
            raise ScenarioError(f"{form} form needs an object 'terms'")
        term = correlator_term if form == "correlator" else collins_gisin_term
        total = [0] * scenario.size
        for key, coeff in spec["terms"].items():  # blanks ignored; "1": the constant (normalisation)
            c, key = parse_coeff(coeff), key.replace(" ", "")
            ws = _spread(scenario, {}, lambda a: 1) if key == "1" else term(scenario, key)
            total = [t + c * w if w else t for t, w in zip(total, ws)]
        return BellFunctional(scenario, tuple(total))
    if form == "sw-4x4":
        if scenario != SW_SCENARIO or not isinstance(spec.get("matrix"), list):
            raise ScenarioError("sw-4x4 form needs the scenario inputs [2,2], outputs [2,2] and 'matrix' (4x4)")
        return BellFunctional(scenario, tuple(parse_coeff(c) for c in from_sw_matrix(spec["matrix"])))
    if form != "probability":
        raise ScenarioError(f"unknown functional form {form!r} (known: {', '.join(FORMS)})")
    if not isinstance(spec.get("coefficients"), list):
        raise ScenarioError("probability form needs a list 'coefficients'")
    coeffs = scenario.reorder(spec["coefficients"], conventions.get("order", "inputs-major"))
    return BellFunctional(scenario, tuple(parse_coeff(c) for c in coeffs))
