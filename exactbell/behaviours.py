"""Producer-side exact helpers on kernel objects (moved out of the trusted kernel: no checker uses them).

Conversions of behaviours into other coordinates, the Sengupta–Wooltorton 4×4 layout, a rational
expression evaluator and v† M v. Everything is exact; nothing here is trusted by ``exactbell check``.
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product

from .kernel.algebraic import AlgebraicNumber
from .kernel.expr import RATIONAL_FUNCTIONS, FieldAlgebra, parse
from .kernel.functional import SW_SCENARIO, sw_index
from .kernel.numbers import ExactnessError
from .kernel.scenario import PARTY_LETTERS, Behaviour, Scenario, ScenarioError


def parse_rational(text, names: dict | None = None) -> Fraction:
    """Rational value of an expression such as ``"2*(abs(2*p-1) + 1 - p)/p"`` at rational names."""
    if isinstance(text, (int, Fraction)) and not isinstance(text, bool):
        return Fraction(text)
    if isinstance(text, float):
        raise ExactnessError(f"float {text!r} where an exact number is required")
    return parse(text, FieldAlgebra(names=names, functions=RATIONAL_FUNCTIONS))


def field_parse(field, text):
    """An element of the number field ``field`` from a polynomial expression in its generator."""
    if isinstance(text, (int, Fraction)) and not isinstance(text, bool):
        return field.element([text])
    if isinstance(text, float):
        raise ExactnessError(f"float {text!r} where an exact number is required")
    v = parse(text, FieldAlgebra(names={field.generator: field.gen()}, lift=lambda q: field.element([q])))
    return v if isinstance(v, AlgebraicNumber) else field.element([v])


def scenario_from_spec(spec) -> Scenario:
    """``{"inputs": [...], "outputs": [...]}`` as a :class:`Scenario`."""
    if not isinstance(spec, dict) or "inputs" not in spec or "outputs" not in spec:
        raise ScenarioError('scenario must be an object {"inputs": [...], "outputs": [...]}')
    ins, outs = spec["inputs"], spec["outputs"]
    if not isinstance(ins, list) or not isinstance(outs, list):
        raise ScenarioError("scenario inputs and outputs must be lists of integers")
    return Scenario(tuple(ins), tuple(outs))


def marginal(behaviour: Behaviour, parties: tuple, a_sub: tuple, x: tuple):
    """p_S(a_S | x) for the subset ``parties`` at the full context x."""
    return sum(behaviour.p(a, x) for a in behaviour.scenario.outcomes if tuple(a[i] for i in parties) == tuple(a_sub))


def is_normalized(behaviour: Behaviour) -> bool:
    sc = behaviour.scenario
    return all(sum(behaviour.p(a, x) for a in sc.outcomes) == 1 for x in sc.contexts)


def correlator(behaviour: Behaviour, parties: tuple, x: tuple):
    """⟨Π_{i∈S} A^{(i)}⟩ at context x: Σ_a (-1)^{Σ_{i∈S} a_i} p(a|x), binary outcomes."""
    sc = behaviour.scenario
    if any(sc.outputs[i] != 2 for i in parties):
        raise ScenarioError("correlators need binary outcomes")
    return sum((-1) ** sum(a[i] for i in parties) * behaviour.p(a, x) for a in sc.outcomes)


def _subsets(n: int):
    return [tuple(i for i in range(n) if bits[i]) for bits in product((0, 1), repeat=n)]


def correlators(behaviour: Behaviour) -> dict:
    """All full-context correlators {("AB", x): value} of a binary-outcome behaviour."""
    sc = behaviour.scenario
    out = {}
    for k in range(1, sc.parties + 1):
        for S in (S for S in _subsets(sc.parties) if len(S) == k):
            for x in sc.contexts:
                out[("".join(PARTY_LETTERS[i] for i in S), x)] = correlator(behaviour, S, x)
    return out


def collins_gisin(behaviour: Behaviour) -> dict:
    """Collins–Gisin coordinates {"pAB(00|01)": value}; requires a non-signaling behaviour."""
    if not behaviour.is_nonsignaling():
        raise ScenarioError("Collins-Gisin coordinates are defined for non-signaling behaviours only")
    sc = behaviour.scenario
    out = {}
    for S in _subsets(sc.parties)[1:]:
        name = "".join(PARTY_LETTERS[i] for i in S)
        for xs in product(*[range(sc.inputs[i]) for i in S]):
            x = [0] * sc.parties
            for i, v in zip(S, xs):
                x[i] = v
            for a_sub in product(*[range(sc.outputs[i] - 1) for i in S]):
                key = f"p{name}({''.join(map(str, a_sub))}|{''.join(map(str, xs))})"
                out[key] = marginal(behaviour, S, a_sub, tuple(x))
    return out


def to_sw_matrix(values) -> list[list]:
    """The 4×4 Eq. (5) matrix (Sengupta–Wooltorton) of a canonical (2,2;2,2) vector."""
    return [[values[sw_index(SW_SCENARIO, i, j)] for j in range(4)] for i in range(4)]


def quadratic_form(M, v, conj=lambda z: z):
    """v† M v, exactly."""
    n = len(M)
    return sum((conj(v[i]) * M[i][j] * v[j] for i in range(n) for j in range(n) if M[i][j] != 0), 0)
