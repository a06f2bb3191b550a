"""Bell functionals ⟨F, P⟩ = Σ_{a,x} F(a|x) p(a|x) in the notations ``probability``, ``sw-4x4`` (Eq. (5)),
``correlator`` and ``collins-gisin`` (open inputs: ``marginals: uniform-average``); docs/kinds/local-bound.md."""
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


def pair(coefficients, values, zero=0):
    """⟨F, P⟩ = Σ F(a|x) p(a|x) over the nonzero coefficients, starting from ``zero``."""
    return sum((c * v for c, v in zip(coefficients, values) if c != 0), zero)


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
        return pair(self.coefficients, behaviour.values)


def sw_index(scenario: Scenario, i: int, j: int) -> int:
    """Eq. (5) of Sengupta–Wooltorton: entry (i, j) = (2x+a, 2y+b) is p(ab|xy)."""
    return scenario.index((i % 2, j % 2), (i // 2, j // 2))


def from_sw_matrix(matrix) -> list:
    """Canonical coefficient (or probability) list from a 4×4 Eq. (5) matrix."""
    if len(matrix) != 4 or any(len(row) != 4 for row in matrix):
        raise ScenarioError("sw-4x4 form needs a 4x4 matrix")
    return [matrix[2 * x[0] + a[0]][2 * x[1] + a[1]] for a, x in SW_SCENARIO.entries()]


def _spread(sc: Scenario, fixed: dict, weight) -> list:
    """Coefficients of Σ_{x agreeing with ``fixed``} (1/#such x) Σ_a w(a) p(a|x): the uniform average over the
    open inputs (the marginal on non-signaling behaviours)."""
    n_free = prod(m for i, m in enumerate(sc.inputs) if i not in fixed)
    return [Fraction(weight(a), n_free) if all(x[i] == v for i, v in fixed.items()) else Fraction(0)
            for a, x in sc.entries()]


def _fixed(sc: Scenario, letters, inputs, term: str) -> dict:
    """{party: input} of a term: parties of the scenario, each once, inputs in range."""
    parties, inputs = [PARTY_LETTERS.index(c) for c in letters], list(inputs)
    if len(set(parties)) != len(parties):
        raise ScenarioError(f"a party appears twice in {term!r}")
    for i, x in zip(parties, inputs):
        if i >= sc.parties or x >= sc.inputs[i]:
            raise ScenarioError(f"party {PARTY_LETTERS[i]} or its input {x} is not in the scenario in {term!r}")
    return dict(zip(parties, inputs))


def correlator_term(sc: Scenario, term: str) -> list:
    """Full-probability coefficients of a binary-outcome correlator term: ``"A0B1"`` (⟨A_0 B_1⟩),
    ``"B1"`` (⟨B_1⟩) or ``"B@01"`` (Bob's correlator at the full context (0,1))."""
    if m := re.fullmatch(r"([A-H]+)@([0-9]+)", term):
        fixed, parties = _fixed(sc, PARTY_LETTERS, map(int, m[2]), term), [PARTY_LETTERS.index(c) for c in m[1]]
        if len(m[2]) != sc.parties or not set(parties) <= set(fixed):
            raise ScenarioError(f"bad correlator term {term!r}; expected e.g. 'B@01'")
    elif re.fullmatch(r"(?:[A-H][0-9]+)+", term):
        pairs = re.findall(r"([A-H])([0-9]+)", term)
        fixed = _fixed(sc, [p for p, _ in pairs], [int(d) for _, d in pairs], term)
        parties = list(fixed)
    else:
        raise ScenarioError(f"bad correlator term {term!r}; expected e.g. 'A0B1'")
    if any(sc.outputs[i] != 2 for i in parties):
        raise ScenarioError(f"correlator term {term!r} needs binary outcomes")
    return _spread(sc, fixed, lambda a: (-1) ** sum(a[i] for i in parties))


def collins_gisin_term(sc: Scenario, term: str) -> list:
    """Full-probability coefficients of a Collins–Gisin term ``"pA(0|1)"`` or ``"pAB(00|10)"``."""
    m = re.fullmatch(r"p([A-H]+)\(([0-9]+)\|([0-9]+)\)", term)
    if not m or not len(m[1]) == len(m[2]) == len(m[3]):
        raise ScenarioError(f"bad Collins-Gisin term {term!r}; expected e.g. 'pAB(00|01)'")
    fixed, outs = _fixed(sc, m[1], [int(c) for c in m[3]], term), [int(c) for c in m[2]]
    if any(o >= sc.outputs[i] - 1 for i, o in zip(fixed, outs)):
        raise ScenarioError(f"Collins-Gisin term {term!r} names a last outcome")
    return _spread(sc, fixed, lambda a: int(all(a[i] == o for i, o in zip(fixed, outs))))


TERMS = {"correlator": correlator_term, "collins-gisin": collins_gisin_term}


def functional_from_spec(scenario: Scenario, spec: dict, conventions: dict, parse_coeff) -> BellFunctional:
    """Build a functional from its certificate text in the notation named by ``conventions``."""
    form, sc = conventions.get("form"), scenario
    if form in TERMS:
        if conventions.get("marginals", "uniform-average") not in MARGINAL_CONVENTIONS:
            raise ScenarioError(f"unknown marginal convention {conventions.get('marginals')!r}")
        if not isinstance(spec.get("terms"), dict):
            raise ScenarioError(f"{form} form needs an object 'terms'")
        total = [0] * sc.size
        for key, coeff in spec["terms"].items():  # blanks ignored; "1": the constant (normalisation)
            c, key = parse_coeff(coeff), key.replace(" ", "")
            ws = _spread(sc, {}, lambda a: 1) if key == "1" else TERMS[form](sc, key)
            total = [t + c * w if w else t for t, w in zip(total, ws)]
        return BellFunctional(sc, tuple(total))
    if form not in FORMS:
        raise ScenarioError(f"unknown functional form {form!r} (known: {', '.join(FORMS)})")
    if form == "sw-4x4" and (sc != SW_SCENARIO or not isinstance(spec.get("matrix"), list)):
        raise ScenarioError("sw-4x4 form needs the scenario inputs [2,2], outputs [2,2] and 'matrix' (4x4)")
    if form == "probability" and not isinstance(spec.get("coefficients"), list):
        raise ScenarioError("probability form needs a list 'coefficients'")
    if conventions.get("order", "inputs-major") != "inputs-major":
        raise ScenarioError(f"unknown ordering convention {conventions['order']!r} (known: inputs-major)")
    raw = from_sw_matrix(spec["matrix"]) if form == "sw-4x4" else spec["coefficients"]
    return BellFunctional(sc, tuple(parse_coeff(c) for c in raw))
