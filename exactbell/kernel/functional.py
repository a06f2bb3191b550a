"""Bell functionals F with ⟨F, P⟩ = Σ_{a,x} F(a|x) p(a|x), in several notations.

Forms (``conventions.form``):

* ``probability`` — flat coefficient list in ``conventions.order`` (only ``inputs-major``, see :mod:`.scenario`).
* ``sw-4x4`` — the 4×4 block matrix of Sengupta–Wooltorton Eq. (5): F[2x+a][2y+b] ↔ p(ab|xy),
  paired by ⟨F,P⟩ = Σ_ij F_ij P_ij (bipartite, binary inputs and outputs).
* ``correlator`` — binary outcomes; terms like ``"A0B1"`` (⟨A_0 B_1⟩), ``"B1"`` (⟨B_1⟩),
  ``"B@01"`` (⟨B_{x=0,y=1}⟩, the correlator of Bob's outcome at the full context (0,1)) and ``"1"``.
* ``collins-gisin`` — terms like ``"pA(0|1)"``, ``"pAB(00|10)"`` and ``"1"``.

Terms that do not fix every party's input (marginals, constants) are turned into full-probability
coefficients by the convention ``marginals: uniform-average``: the missing inputs are averaged
uniformly, which agrees with the true marginal on non-signaling behaviours. The constant term c
becomes c/|contexts| on every p(a|x) (= c on normalized behaviours).
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

    def coefficient(self, a, x):
        return self.coefficients[self.scenario.index(a, x)]


def sw_index(scenario: Scenario, i: int, j: int) -> int:
    """Eq. (5) of Sengupta–Wooltorton: entry (i, j) = (2x+a, 2y+b) is p(ab|xy)."""
    x, a = divmod(i, 2)
    y, b = divmod(j, 2)
    return scenario.index((a, b), (x, y))


SW_SCENARIO = Scenario((2, 2), (2, 2))


def from_sw_matrix(matrix) -> list:
    """Canonical coefficient (or probability) list from a 4×4 Eq. (5) matrix."""
    if len(matrix) != 4 or any(len(row) != 4 for row in matrix):
        raise ScenarioError("sw-4x4 form needs a 4x4 matrix")
    out = [None] * 16
    for i in range(4):
        for j in range(4):
            out[sw_index(SW_SCENARIO, i, j)] = matrix[i][j]
    return out


def _uniform_spread(scenario: Scenario, fixed: dict, weight_of_a) -> list:
    """Coefficients of Σ_{x agreeing with ``fixed``} (1/#such x) Σ_a w(a) p(a|x)."""
    n_free = prod(m for i, m in enumerate(scenario.inputs) if i not in fixed)
    out = [Fraction(0)] * scenario.size
    for x in scenario.contexts:
        if all(x[i] == v for i, v in fixed.items()):
            for a in scenario.outcomes:
                out[scenario.index(a, x)] += Fraction(weight_of_a(a), n_free)
    return out


def _party(letter: str, scenario: Scenario) -> int:
    i = PARTY_LETTERS.index(letter)
    if i >= scenario.parties:
        raise ScenarioError(f"party {letter} is not in a {scenario.parties}-party scenario")
    return i


def correlator_term(scenario: Scenario, term: str) -> list:
    """Full-probability coefficients of one correlator term (see module docstring)."""
    term = term.replace(" ", "")
    if term == "1":
        return _uniform_spread(scenario, {}, lambda a: 1)
    if "@" in term:
        letters, ctx = term.split("@", 1)
        if not re.fullmatch(r"[A-H]+", letters) or not re.fullmatch(r"\d+", ctx) or len(ctx) != scenario.parties:
            raise ScenarioError(f"bad correlator term {term!r}; expected e.g. 'B@01'")
        parties = [_party(c, scenario) for c in letters]
        fixed = {i: int(c) for i, c in enumerate(ctx)}
    else:
        if not re.fullmatch(r"(?:[A-H]\d+)+", term):
            raise ScenarioError(f"bad correlator term {term!r}; expected e.g. 'A0B1'")
        fixed, parties = {}, []
        for letter, digits in re.findall(r"([A-H])(\d+)", term):
            i = _party(letter, scenario)
            if i in fixed:
                raise ScenarioError(f"party {letter} appears twice in {term!r}")
            fixed[i] = int(digits)
            parties.append(i)
    for i, v in fixed.items():
        if v >= scenario.inputs[i]:
            raise ScenarioError(f"input {v} of party {PARTY_LETTERS[i]} out of range in {term!r}")
    for i in parties:
        if scenario.outputs[i] != 2:
            raise ScenarioError(f"correlator term {term!r} needs binary outcomes for party {PARTY_LETTERS[i]}")
    return _uniform_spread(scenario, fixed, lambda a: (-1) ** sum(a[i] for i in parties))


def collins_gisin_term(scenario: Scenario, term: str) -> list:
    """Full-probability coefficients of a Collins–Gisin term p_S(a_S|x_S) or the constant 1."""
    term = term.replace(" ", "")
    if term == "1":
        return _uniform_spread(scenario, {}, lambda a: 1)
    m = re.fullmatch(r"p([A-H]+)\((\d+)\|(\d+)\)", term)
    if not m or len(m.group(1)) != len(m.group(2)) or len(m.group(1)) != len(m.group(3)):
        raise ScenarioError(f"bad Collins-Gisin term {term!r}; expected e.g. 'pAB(00|01)'")
    parties = [_party(c, scenario) for c in m.group(1)]
    if len(set(parties)) != len(parties):
        raise ScenarioError(f"repeated party in {term!r}")
    outs, ins = [int(c) for c in m.group(2)], [int(c) for c in m.group(3)]
    for i, o, x in zip(parties, outs, ins):
        if o >= scenario.outputs[i] - 1:
            raise ScenarioError(f"Collins-Gisin term {term!r} uses the last outcome of {PARTY_LETTERS[i]}")
        if x >= scenario.inputs[i]:
            raise ScenarioError(f"input out of range in {term!r}")
    return _uniform_spread(scenario, dict(zip(parties, ins)),
                           lambda a: int(all(a[i] == o for i, o in zip(parties, outs))))


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
        for key, coeff in spec["terms"].items():
            c = parse_coeff(coeff)
            total = [t + c * w if w else t for t, w in zip(total, term(scenario, key))]
        return BellFunctional(scenario, tuple(total))
    if form == "sw-4x4":
        if scenario != SW_SCENARIO or not isinstance(spec.get("matrix"), list):
            raise ScenarioError("sw-4x4 form needs the scenario inputs [2,2], outputs [2,2] and 'matrix' (4x4)")
        return BellFunctional(scenario, tuple(parse_coeff(c) for c in from_sw_matrix(spec["matrix"])))
    if form != "probability":
        raise ScenarioError(f"unknown functional form {form!r} (known: {', '.join(FORMS)})")
    coeffs = spec.get("coefficients")
    if not isinstance(coeffs, list):
        raise ScenarioError("probability form needs a list 'coefficients'")
    coeffs = scenario.reorder(coeffs, conventions.get("order", "inputs-major"))
    return BellFunctional(scenario, tuple(parse_coeff(c) for c in coeffs))
