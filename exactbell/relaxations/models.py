"""Causal structures as linear maps p = T q over deterministic response functions.

Trusted code (imported by checkers): exact integers/Fractions only.

A causal structure is a DAG over observed *inputs* (exogenous, chosen freely), observed *outputs*
and optional *latent* discrete nodes (e.g. a message m). Every non-input node is a deterministic
function of its parents and of the hidden variable λ; λ ranges over all tuples of response
functions ("response-function tables"), one table per non-input node.

Conventions (recorded in certificates):
* node order: outputs in declaration order, then latents in declaration order;
* a node's table lists its value for every parent configuration, configurations in lexicographic
  order of the parents as declared (first parent most significant);
* λ index: mixed radix over the node tables in node order (first node most significant), each
  table read as a base-card number with its first entry most significant;
* the observed vector p(outputs | inputs) is "inputs-major": index = context * #outcomes + outcome,
  contexts and outcomes in lexicographic order of the declared inputs / outputs.
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product
from math import prod


class ModelError(ValueError):
    """A causal structure that is not a DAG, or has inconsistent cardinalities."""


def _card(name, v):
    if not isinstance(v, int) or isinstance(v, bool) or v < 1:
        raise ModelError(f"cardinality of {name!r} must be a positive integer, got {v!r}")
    return v


class CausalModel:
    def __init__(self, inputs: dict, outputs: dict, parents: dict, latent: dict | None = None):
        latent = latent or {}
        for group, what in ((inputs, "inputs"), (outputs, "outputs"), (latent, "latent"), (parents, "parents")):
            if not isinstance(group, dict):
                raise ModelError(f"{what} must be an object name -> value")
        names = list(inputs) + list(outputs) + list(latent)
        if len(set(names)) != len(names):
            raise ModelError("a node name is used twice")
        if not outputs:
            raise ModelError("a causal model needs at least one observed output")
        self.card = {n: _card(n, c) for n, c in {**inputs, **outputs, **latent}.items()}
        self.inputs, self.outputs, self.latent = list(inputs), list(outputs), list(latent)
        self.nodes = self.outputs + self.latent
        for n in parents:
            if n not in self.card:
                raise ModelError(f"parents given for unknown node {n!r}")
            if n in inputs:
                raise ModelError(f"input {n!r} cannot have parents (inputs are chosen freely)")
        self.parents = {}
        for n in self.nodes:
            ps = parents.get(n, [])
            if not isinstance(ps, list) or any(p not in self.card for p in ps):
                raise ModelError(f"parents of {n!r} must be a list of declared nodes, got {ps!r}")
            if len(set(ps)) != len(ps) or n in ps:
                raise ModelError(f"parents of {n!r} repeat a node or contain the node itself")
            self.parents[n] = list(ps)
        self.order = self._topological()
        self.configs = {n: list(product(*[range(self.card[p]) for p in self.parents[n]])) for n in self.nodes}
        self.tables = {n: self.card[n] ** len(self.configs[n]) for n in self.nodes}
        self.n = prod(self.tables[n] for n in self.nodes)
        self.contexts = list(product(*[range(self.card[x]) for x in self.inputs]))
        self.outcomes = list(product(*[range(self.card[a]) for a in self.outputs]))
        self._out_index = {o: i for i, o in enumerate(self.outcomes)}

    def _topological(self) -> list:
        done, order, visiting = set(self.inputs), [], set()

        def visit(n, path):
            if n in done:
                return
            if n in visiting:
                raise ModelError(f"the causal structure has a cycle through {' -> '.join(path + [n])}")
            visiting.add(n)
            for p in self.parents[n]:
                visit(p, path + [n])
            visiting.discard(n)
            done.add(n)
            order.append(n)

        for n in self.nodes:
            visit(n, [])
        return order

    @classmethod
    def from_spec(cls, spec) -> CausalModel:
        if not isinstance(spec, dict):
            raise ModelError("causal model must be an object")
        unknown = set(spec) - {"inputs", "outputs", "latent", "parents"}
        if unknown:
            raise ModelError(f"unknown causal-model field(s) {sorted(unknown)}")
        return cls(spec.get("inputs", {}), spec.get("outputs", {}), spec.get("parents", {}), spec.get("latent", {}))

    def to_spec(self) -> dict:
        s = {"inputs": {x: self.card[x] for x in self.inputs}, "outputs": {a: self.card[a] for a in self.outputs},
             "parents": {n: self.parents[n] for n in self.nodes}}
        if self.latent:
            s["latent"] = {m: self.card[m] for m in self.latent}
        return s

    # -- response functions ------------------------------------------------------------------
    def responses(self):
        """All λ in index order, each a dict node -> table (tuple of values per parent config)."""
        per_node = [product(range(self.card[n]), repeat=len(self.configs[n])) for n in self.nodes]
        for combo in product(*[list(g) for g in per_node]):
            yield dict(zip(self.nodes, combo))

    def evaluate(self, lam: dict, context: tuple) -> dict:
        vals = dict(zip(self.inputs, context))
        for n in self.order:
            k = 0
            for p in self.parents[n]:
                k = k * self.card[p] + vals[p]
            vals[n] = lam[n][k]
        return vals

    def _cfg_index(self, n, cfg) -> int:
        k = 0
        for p, v in zip(self.parents[n], cfg):
            k = k * self.card[p] + v
        return k

    def observation_columns(self) -> list:
        """For each λ: tuple over contexts of the observed outcome index."""
        cols = []
        for lam in self.responses():
            cols.append(tuple(self._out_index[tuple(self.evaluate(lam, ctx)[a] for a in self.outputs)]
                              for ctx in self.contexts))
        return cols

    @property
    def size(self) -> int:
        return len(self.contexts) * len(self.outcomes)

    # -- relaxation measures -------------------------------------------------------------------
    def influence_rows(self, source: str, target: str) -> list:
        """Rows v_i(λ) ∈ {0,1} of the direct-causal-influence measure C_{source→target} (eq. 4/31):
        one row per (u, u', w, b) with u ≠ u' values of ``source``, w the other parents of ``target``
        and b a value of ``target``; v = |δ(f(u,w), b) − δ(f(u',w), b)|. Returns (labels, rows) with
        rows as lists over λ."""
        if target not in self.parents or source not in self.parents[target]:
            raise ModelError(f"{source!r} is not a parent of {target!r}")
        ps = self.parents[target]
        k = ps.index(source)
        others = [p for p in ps if p != source]
        labels = []
        for u in range(self.card[source]):
            for u2 in range(self.card[source]):
                if u == u2:
                    continue
                for w in product(*[range(self.card[p]) for p in others]):
                    for b in range(self.card[target]):
                        labels.append((u, u2, w, b))
        idx = []
        for u, u2, w, b in labels:
            c1 = tuple(w[:k]) + (u,) + tuple(w[k:])
            c2 = tuple(w[:k]) + (u2,) + tuple(w[k:])
            idx.append((self._cfg_index(target, c1), self._cfg_index(target, c2), b))
        rows = [[] for _ in labels]
        for lam in self.responses():
            tab = lam[target]
            for r, (i1, i2, b) in enumerate(idx):
                rows[r].append(abs((tab[i1] == b) - (tab[i2] == b)))
        return labels, rows

    def message_zero_row(self, message: str) -> list:
        """v(λ) = average over contexts (uniform inputs) of [message = 0]."""
        if message not in self.latent:
            raise ModelError(f"{message!r} is not a latent node")
        nctx = len(self.contexts)
        return [Fraction(sum(int(self.evaluate(lam, ctx)[message] == 0) for ctx in self.contexts), nctx)
                for lam in self.responses()]


def named_model(name: str, m_x: int = 2, m_y: int = 2, o_a: int = 2, o_b: int = 2) -> CausalModel:
    """The causal structures of Fig. 1 (a)–(d) for two parties."""
    ins, outs = {"x": m_x, "y": m_y}, {"a": o_a, "b": o_b}
    if name == "lhv":
        return CausalModel(ins, outs, {"a": ["x"], "b": ["y"]})
    if name == "x-to-b":
        return CausalModel(ins, outs, {"a": ["x"], "b": ["x", "y"]})
    if name == "a-to-b":
        return CausalModel(ins, outs, {"a": ["x"], "b": ["a", "y"]})
    if name == "one-way-binary":
        return CausalModel(ins, outs, {"a": ["x"], "m": ["x", "a"], "b": ["m", "y"]}, {"m": 2})
    raise ModelError(f"unknown named model {name!r} (known: lhv, x-to-b, a-to-b, one-way-binary)")


def local_model(parties: list) -> CausalModel:
    """N-party LHV model; ``parties`` = [(m_k, o_k), …]; inputs x0.., outputs a0.."""
    ins = {f"x{k}": m for k, (m, _) in enumerate(parties)}
    outs = {f"a{k}": o for k, (_, o) in enumerate(parties)}
    return CausalModel(ins, outs, {f"a{k}": [f"x{k}"] for k in range(len(parties))})


def ns_rows(model: CausalModel) -> list:
    """No-signalling equalities on the observed vector, as dicts index -> coefficient:
    for each party k, each context x with x_k ≠ 0 and each outcome of the other parties,
    p_{−k}(a_{−k}|x) − p_{−k}(a_{−k}|x with x_k = 0) = 0."""
    rows = []
    nout = len(model.outcomes)
    ctx_index = {c: i for i, c in enumerate(model.contexts)}
    for k in range(len(model.inputs)):
        rest = [i for i in range(len(model.outputs)) if True]
        for ctx in model.contexts:
            if ctx[k] == 0:
                continue
            base = ctx[:k] + (0,) + ctx[k + 1:]
            others = list(product(*[range(model.card[model.outputs[i]]) for i in rest if i != k]))
            for ao in others:
                row = {}
                for oi, out in enumerate(model.outcomes):
                    if tuple(out[i] for i in rest if i != k) == ao:
                        row[ctx_index[ctx] * nout + oi] = row.get(ctx_index[ctx] * nout + oi, 0) + 1
                        row[ctx_index[base] * nout + oi] = row.get(ctx_index[base] * nout + oi, 0) - 1
                rows.append({j: v for j, v in row.items() if v})
    return rows
