"""The causal polytope: definite-order deterministic strategies and exact causal bounds (float-free).

Bipartite (Oreshkov–Costa–Brukner; Branciard et al. 2016): a deterministic causal strategy is
A≺B — a₁ = f(x₁), a₂ = g(x₁, x₂) — or B≺A — a₂ = g(x₂), a₁ = f(x₁, x₂). Tripartite (Abbott et
al. 2016, recursive definition): some party k acts first, a_k = f(x_k), and for each value of x_k
the other two follow a bipartite deterministic causal strategy (which may differ per x_k).
The causal polytope is the convex hull of these behaviours; for (2,2,2) it has 112 vertices.

A strategy is a dict ``{"order": [k, ...], "tables": [...]}`` whose table for party i maps the
settings of the parties up to and including i (in the order) to a_i; :func:`strategy_behaviour`
turns it into an exact :class:`~exactbell.kernel.scenario.Behaviour`.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from itertools import product

from ..kernel.models import causal_behaviours, causal_outcomes
from ..kernel.scenario import Behaviour, Scenario
from .exact import CausalError, correlation_table

LIMIT = 200_000


def _functions(domain: list, m: int):
    """All maps domain -> range(m), as dicts."""
    for values in product(range(m), repeat=len(domain)):
        yield dict(zip(domain, values))


def _bipartite(sc: Scenario, p: int, q: int, fixed: dict):
    """Deterministic causal strategies of parties p, q (others' settings in ``fixed`` are given):
    yields {party: function of the full context x -> outcome} as (key, outcome-function) pairs."""
    for first, second in ((p, q), (q, p)):
        for f in _functions(list(range(sc.inputs[first])), sc.outputs[first]):
            dom = list(product(range(sc.inputs[first]), range(sc.inputs[second])))
            for g in _functions(dom, sc.outputs[second]):
                yield (first, second), f, g


def _outcome_vectors(sc: Scenario):
    """Yield (description, outcome(x) -> a) for every deterministic causal strategy."""
    N = sc.parties
    if N == 1:
        for f in _functions(list(range(sc.inputs[0])), sc.outputs[0]):
            yield {"order": [0], "tables": [[f[x] for x in range(sc.inputs[0])]]}, (lambda x, f=f: (f[x[0]],))
        return
    if N == 3:
        for k in range(3):
            p, q = [i for i in range(3) if i != k]
            subs = list(_bipartite(sc, p, q, {}))
            for f in _functions(list(range(sc.inputs[k])), sc.outputs[k]):
                for choice in product(range(len(subs)), repeat=sc.inputs[k]):
                    def out(x, k=k, f=f, choice=choice):
                        (i, j), fi, gj = subs[choice[x[k]]]
                        a = [0, 0, 0]
                        a[k] = f[x[k]]
                        a[i] = fi[x[i]]
                        a[j] = gj[(x[i], x[j])]
                        return tuple(a)
                    desc = {"order": [k], "tables": [[f[s] for s in range(sc.inputs[k])]],
                            "then": [_sub_desc(sc, subs[c]) for c in choice]}
                    yield desc, out
        return
    raise CausalError("the causal polytope is implemented for 2 and 3 parties")


def _sub_desc(sc, sub):
    (i, j), f, g = sub
    return {"order": [i, j], "tables": [[f[s] for s in range(sc.inputs[i])],
                                        [[g[(s, t)] for t in range(sc.inputs[j])] for s in range(sc.inputs[i])]]}


def _behaviour_key(sc: Scenario, out) -> tuple:
    return tuple(out(x) for x in sc.contexts)


def causal_vertices(scenario: Scenario) -> list[Behaviour]:
    """Distinct deterministic causal behaviours (the vertices of the causal polytope), as Behaviours."""
    return [_behaviour(scenario, key) for key, _ in _distinct(scenario)]


def _behaviour(sc: Scenario, key: tuple) -> Behaviour:
    table = dict(zip(sc.contexts, key))
    return Behaviour(sc, tuple(int(table[x] == a) for a, x in sc.entries()))


def _distinct(sc: Scenario):
    if sc.parties == 2:  # the kernel's model (exactbell.kernel.models), one implementation
        return list(causal_behaviours(sc).items())
    seen = {}
    count = 0
    for desc, out in _outcome_vectors(sc):
        count += 1
        if count > LIMIT:
            raise CausalError(f"more than {LIMIT} causal strategies; scenario too large")
        key = _behaviour_key(sc, out)
        if key not in seen:
            seen[key] = desc
    return list(seen.items())


@dataclass
class CausalBound:
    value: object
    vertices: int  # number of distinct deterministic causal behaviours
    optimal: list  # [(outcome key, strategy description)] attaining the maximum


def causal_bound(scenario: Scenario, alpha: dict) -> CausalBound:
    """max over the causal polytope of Σ α_{a,x} p(a|x), with every optimal vertex."""
    best, opt, nv = None, [], 0
    for key, desc in _distinct(scenario):
        nv += 1
        v = sum((alpha[(a, x)] for a, x in zip(key, scenario.contexts)), Fraction(0))
        if best is None or v > best:
            best, opt = v, [(key, desc)]
        elif v == best:
            opt.append((key, desc))
    return CausalBound(best, nv, opt)


def strategy_outcomes(scenario: Scenario, desc) -> tuple:
    """Outcome per context of a strategy description (validated; raises CausalError if malformed)."""
    N = scenario.parties
    if not isinstance(desc, dict):
        raise CausalError("a strategy is an object {order, tables}")
    order, tables = desc.get("order"), desc.get("tables")

    def table_at(t, idx, m, where):
        for s in idx:
            if not isinstance(t, list) or not 0 <= s < len(t):
                raise CausalError(f"{where}: table has the wrong shape")
            t = t[s]
        if not isinstance(t, int) or isinstance(t, bool) or not 0 <= t < m:
            raise CausalError(f"{where}: outcome {t!r} is not in [0, {m})")
        return t

    def check_shape(t, dims, where):
        if not dims:
            return
        if not isinstance(t, list) or len(t) != dims[0]:
            raise CausalError(f"{where}: table must have {dims[0]} entries")
        for u in t:
            check_shape(u, dims[1:], where)

    if N == 2:
        try:
            return causal_outcomes(scenario, order, tables)
        except ValueError as e:
            raise CausalError(str(e)) from None
    if N == 3:
        if not isinstance(order, list) or len(order) != 1 or order[0] not in (0, 1, 2) or not isinstance(tables, list) \
                or len(tables) != 1:
            raise CausalError("a tripartite strategy has order [k], one table and 'then'")
        k = order[0]
        then = desc.get("then")
        check_shape(tables[0], [scenario.inputs[k]], "tables[0]")
        if not isinstance(then, list) or len(then) != scenario.inputs[k]:
            raise CausalError(f"'then' lists one bipartite strategy per setting of party {k}")
        rest = [i for i in range(3) if i != k]
        out = []
        for x in scenario.contexts:
            sub = then[x[k]]
            if not isinstance(sub, dict) or sorted(sub.get("order", [])) != rest:
                raise CausalError(f"'then' strategies order the parties {rest}")
            i, j = sub["order"]
            st = sub.get("tables")
            if not isinstance(st, list) or len(st) != 2:
                raise CausalError("a bipartite strategy has two tables")
            check_shape(st[0], [scenario.inputs[i]], "then.tables[0]")
            check_shape(st[1], [scenario.inputs[i], scenario.inputs[j]], "then.tables[1]")
            a = [0, 0, 0]
            a[k] = table_at(tables[0], [x[k]], scenario.outputs[k], "tables[0]")
            a[i] = table_at(st[0], [x[i]], scenario.outputs[i], "then.tables[0]")
            a[j] = table_at(st[1], [x[i], x[j]], scenario.outputs[j], "then.tables[1]")
            out.append(tuple(a))
        return tuple(out)
    raise CausalError("strategies are implemented for 2 and 3 parties")


def strategy_behaviour(scenario: Scenario, desc) -> Behaviour:
    return _behaviour(scenario, strategy_outcomes(scenario, desc))


def load_correlation(path):
    """Read a user correlation function from a JSON file.

    Format: ``{"scenario": {"inputs": [...], "outputs": [...]}, "coefficients": [...]}`` with
    coefficients "p/q" strings or integers in canonical (inputs-major) order, or
    ``"terms": [{"a": [...], "x": [...], "value": "p/q"}, ...]`` (unlisted entries are 0).
    """
    from ..behaviours import scenario_from_spec
    from ..certificates.format import parse_json_exact
    from ..kernel.numbers import to_rational

    with open(path, encoding="utf-8") as fh:
        obj = parse_json_exact(fh.read(), path)
    if not isinstance(obj, dict) or "scenario" not in obj:
        raise CausalError(f"{path}: needs 'scenario' and 'coefficients' or 'terms'")
    sc = scenario_from_spec(obj["scenario"])
    if "coefficients" in obj:
        coeffs = obj["coefficients"]
        if not isinstance(coeffs, list):
            raise CausalError(f"{path}: coefficients must be a list")
        return sc, correlation_table(sc, [to_rational(c) for c in coeffs])
    terms = obj.get("terms")
    if not isinstance(terms, list):
        raise CausalError(f"{path}: needs 'coefficients' or 'terms'")
    alpha = {k: Fraction(0) for k in sc.entries()}
    for t in terms:
        key = (tuple(t.get("a", ())), tuple(t.get("x", ())))
        if key not in alpha:
            raise CausalError(f"{path}: term {t!r} is outside scenario {sc.to_spec()}")
        alpha[key] += to_rational(t.get("value"))
    return sc, alpha
