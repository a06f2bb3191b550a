"""Bell scenarios and behaviours p(a_1…a_N | x_1…x_N) in canonical ("inputs-major") order: contexts x
lexicographically (party 1 most significant), within a context the outcomes a lexicographically."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import product
from math import prod

from .numbers import reject_inexact

PARTY_LETTERS = "ABCDEFGH"


class ScenarioError(ValueError):
    """Inconsistent scenario, wrong dimensions or unknown ordering convention."""


@dataclass(frozen=True)
class Scenario:
    """N parties; party i has ``inputs[i]`` settings and ``outputs[i]`` outcomes per setting."""

    inputs: tuple[int, ...]
    outputs: tuple[int, ...]

    def __post_init__(self):
        if len(self.inputs) != len(self.outputs) or not 0 < len(self.inputs) <= len(PARTY_LETTERS):
            raise ScenarioError("inputs and outputs must list the same number (1 to 8) of parties")
        for k in self.inputs + self.outputs:
            if not isinstance(k, int) or isinstance(k, bool) or k < 1:
                raise ScenarioError(f"input and output counts must be positive integers, got {k!r}")

    def to_spec(self) -> dict:
        return {"inputs": list(self.inputs), "outputs": list(self.outputs)}

    @property
    def parties(self) -> int:
        return len(self.inputs)

    @cached_property
    def contexts(self) -> list[tuple[int, ...]]:
        return list(product(*map(range, self.inputs)))

    @cached_property
    def outcomes(self) -> list[tuple[int, ...]]:
        return list(product(*map(range, self.outputs)))

    @property
    def size(self) -> int:
        return prod(self.inputs) * prod(self.outputs)

    @cached_property
    def _index(self) -> dict:
        return {ax: i for i, ax in enumerate(self.entries())}

    def index(self, a: tuple, x: tuple) -> int:
        """Position of p(a|x) in the canonical flat vector."""
        try:
            return self._index[tuple(a), tuple(x)]
        except KeyError:
            raise ScenarioError(f"p({a}|{x}) is outside scenario {self.to_spec()}") from None

    def entries(self) -> list:
        """(a, x) pairs in canonical (inputs-major) order."""
        return [(a, x) for x in self.contexts for a in self.outcomes]

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
        return cls(scenario, tuple(int(all(a[i] == strategy[i][x[i]] for i in range(scenario.parties)))
                                   for a, x in scenario.entries()))

    def is_nonsignaling(self) -> bool:
        """No party's input changes the marginal of the others (:func:`ns_rows`; smaller marginals follow)."""
        rows = ns_rows(self.scenario) if self.scenario.parties > 1 else []  # one party: nothing to signal to
        return all(sum(v * self.values[j] for j, v in row.items()) == 0 for row in rows)


def ns_rows(model) -> list:
    """No-signalling rows p_{-k}(a_{-k}|x) - p_{-k}(a_{-k}|x with x_k = 0) = 0 for x_k != 0 (sparse dicts over
    the canonical index of a scenario or causal model)."""
    rows, nout = [], len(model.outcomes)
    ctx = {c: i for i, c in enumerate(model.contexts)}
    for k in range(len(model.contexts[0])):
        for c in (c for c in model.contexts if c[k]):
            base = ctx[c[:k] + (0,) + c[k + 1:]]
            groups = {}
            for oi, o in enumerate(model.outcomes):
                g = groups.setdefault(o[:k] + o[k + 1:], {})
                g[ctx[c] * nout + oi], g[base * nout + oi] = 1, -1
            rows += list(groups.values())
    return rows
