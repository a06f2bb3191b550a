"""Bell scenarios and behaviours p(a_1…a_N | x_1…x_N) in full-probability form.

Canonical order ("inputs-major"): contexts x = (x_1,…,x_N) in lexicographic order (party 1
most significant), and within a context the outcomes a = (a_1,…,a_N) lexicographically.
"outputs-major" swaps the roles. Both orders are conventions recorded in certificates.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import product
from math import prod

from .numbers import reject_inexact

ORDERS = ("inputs-major", "outputs-major")
PARTY_LETTERS = "ABCDEFGH"


class ScenarioError(ValueError):
    """Inconsistent scenario, wrong dimensions or unknown ordering convention."""


@dataclass(frozen=True)
class Scenario:
    """N parties; party i has ``inputs[i]`` settings and ``outputs[i]`` outcomes per setting."""

    inputs: tuple[int, ...]
    outputs: tuple[int, ...]

    def __post_init__(self):
        if len(self.inputs) != len(self.outputs) or not self.inputs:
            raise ScenarioError("inputs and outputs must list the same, non-zero number of parties")
        if len(self.inputs) > len(PARTY_LETTERS):
            raise ScenarioError(f"at most {len(PARTY_LETTERS)} parties")
        for k in self.inputs + self.outputs:
            if not isinstance(k, int) or isinstance(k, bool) or k < 1:
                raise ScenarioError(f"input and output counts must be positive integers, got {k!r}")

    @classmethod
    def from_spec(cls, spec) -> Scenario:
        if not isinstance(spec, dict) or "inputs" not in spec or "outputs" not in spec:
            raise ScenarioError('scenario must be an object {"inputs": [...], "outputs": [...]}')
        ins, outs = spec["inputs"], spec["outputs"]
        if not isinstance(ins, list) or not isinstance(outs, list):
            raise ScenarioError("scenario inputs and outputs must be lists of integers")
        return cls(tuple(ins), tuple(outs))

    def to_spec(self) -> dict:
        return {"inputs": list(self.inputs), "outputs": list(self.outputs)}

    @property
    def parties(self) -> int:
        return len(self.inputs)

    @cached_property
    def contexts(self) -> list[tuple[int, ...]]:
        return list(product(*[range(m) for m in self.inputs]))

    @cached_property
    def outcomes(self) -> list[tuple[int, ...]]:
        return list(product(*[range(o) for o in self.outputs]))

    @property
    def size(self) -> int:
        return prod(self.inputs) * prod(self.outputs)

    @cached_property
    def _ctx_index(self) -> dict:
        return {x: i for i, x in enumerate(self.contexts)}

    @cached_property
    def _out_index(self) -> dict:
        return {a: i for i, a in enumerate(self.outcomes)}

    def index(self, a: tuple, x: tuple, order: str = "inputs-major") -> int:
        """Position of p(a|x) in the flat vector of the given order."""
        try:
            ia, ix = self._out_index[tuple(a)], self._ctx_index[tuple(x)]
        except KeyError:
            raise ScenarioError(f"p({a}|{x}) is outside scenario {self.to_spec()}") from None
        if order == "inputs-major":
            return ix * len(self.outcomes) + ia
        if order == "outputs-major":
            return ia * len(self.contexts) + ix
        raise ScenarioError(f"unknown ordering convention {order!r} (known: {', '.join(ORDERS)})")

    def entries(self):
        """(a, x) pairs in canonical (inputs-major) order."""
        for x in self.contexts:
            for a in self.outcomes:
                yield a, x

    def reorder(self, values, order: str) -> list:
        """Convert a flat vector given in ``order`` to canonical order."""
        if len(values) != self.size:
            raise ScenarioError(f"expected {self.size} entries for scenario {self.to_spec()}, got {len(values)}")
        return [values[self.index(a, x, order)] for a, x in self.entries()]

    def deterministic_strategies(self, party: int):
        """All functions inputs -> outputs of one party, as tuples of outputs per input."""
        return product(range(self.outputs[party]), repeat=self.inputs[party])


@dataclass(frozen=True)
class Behaviour:
    """Full-probability behaviour in canonical order; entries are exact scalars (or polynomials)."""

    scenario: Scenario
    values: tuple

    def __post_init__(self):
        if len(self.values) != self.scenario.size:
            raise ScenarioError(f"behaviour has {len(self.values)} entries, scenario needs {self.scenario.size}")
        reject_inexact(self.values, "behaviour")

    def p(self, a, x):
        return self.values[self.scenario.index(a, x)]

    @classmethod
    def deterministic(cls, scenario: Scenario, strategy) -> Behaviour:
        """p(a|x) = Π_i δ(a_i, s_i(x_i)) for a deterministic local strategy s."""
        vals = [int(all(a[i] == strategy[i][x[i]] for i in range(scenario.parties))) for a, x in scenario.entries()]
        return cls(scenario, tuple(vals))

    def is_normalized(self) -> bool:
        return all(sum(self.p(a, x) for a in self.scenario.outcomes) == 1 for x in self.scenario.contexts)

    def marginal(self, parties: tuple, a_sub: tuple, x: tuple):
        """p_S(a_S | x) for the subset ``parties`` at the full context x."""
        return sum(self.p(a, x) for a in self.scenario.outcomes
                   if tuple(a[i] for i in parties) == tuple(a_sub))

    def is_nonsignaling(self) -> bool:
        """Marginals of every subset depend only on that subset's inputs."""
        sc = self.scenario
        for k in range(1, sc.parties):
            for subset in product(*[(0, 1)] * sc.parties):
                S = tuple(i for i in range(sc.parties) if subset[i])
                if len(S) != k:
                    continue
                seen: dict = {}
                for x in sc.contexts:
                    xs = tuple(x[i] for i in S)
                    for a_sub in product(*[range(sc.outputs[i]) for i in S]):
                        v = self.marginal(S, a_sub, x)
                        key = (xs, a_sub)
                        if key in seen and seen[key] != v:
                            return False
                        seen[key] = v
        return True

    def correlator(self, parties: tuple, x: tuple):
        """⟨Π_{i∈S} A^{(i)}⟩ at context x: Σ_a (-1)^{Σ_{i∈S} a_i} p(a|x), binary outcomes."""
        for i in parties:
            if self.scenario.outputs[i] != 2:
                raise ScenarioError("correlators need binary outcomes")
        return sum((-1) ** sum(a[i] for i in parties) * self.p(a, x) for a in self.scenario.outcomes)
