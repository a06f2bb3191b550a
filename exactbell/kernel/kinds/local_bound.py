"""Kind ``local-bound`` (docs/kinds/local-bound.md): max (or min) of ⟨F, P⟩ over the deterministic strategies
of a model (:func:`..models.model_points`), the vertices of its polytope; a point beyond the bound refutes a
claim that it lies in the hull."""
from __future__ import annotations

import json

from .. import prove_check as pc
from ..functional import pair
from ..models import (SW, local_bound, model_points, model_text, nonnegative_on_box, read_functional, read_model,
                      read_point_label, read_scenario, rows_text, scenario_text, signaling_points, strategies)
from ..params import scalar_text
from ..poly import RationalFunction
from ..scenario import Behaviour
from . import Decision, against_paper, kind
from .inequality import decide_statement, sqrt_convention
from .strategy_value import where_text

OPTIMAL_LISTED = 4096
UNITS = {"local": "deterministic strategies", "causal": "distinct deterministic definite-order behaviours (A<B or B<A)",
         "signaling": "distinct Eq. (9) points", "orbit": "distinct images"}
OUTSIDE = ", so P* is outside the convex hull of the model (paper: every point of this kind is in the hull)"


def distinct_values(G, points) -> list:
    """The distinct ⟨G, v⟩ (rational functions) over the model's points, in enumeration order."""
    vals = []
    for _label, key in points:
        if (v := RationalFunction.lift(pair(G.coefficients, key))) not in vals:
            vals.append(v)
    return vals


def _parametric(ctx, data, sc, model, G, head, sense, points) -> Decision:
    """For all parameter values: sense over the model = sense of its distinct vertex values == paper."""
    vals, names = [v.to_text() for v in distinct_values(G, points)], tuple(ctx.domains)
    desc, v = _point(ctx, data, sc, G) if data.has("point") else ("", None)
    rel = data.text("relation", ("==", "<=" if sense == "max" else ">=")) if v is None else \
        "<" if sense == "max" else ">"
    def build():
        lhs = pc.parse_ast(f"{sense}({', '.join(vals)})" if len(vals) > 1 else vals[0], names, ctx.fixed)
        rhs = data.text("paper") if v is None else RationalFunction.lift(v).to_text()
        return rhs, pc.Statement.of(lhs, rel, pc.parse_ast(rhs, names, ctx.fixed), names,
                                    tuple(ctx.domains[n] for n in names), require_all=False)
    rhs, st = ctx.guard("data.paper", build)
    sqrt_convention(ctx, [st.node])
    text, verdict, detail = decide_statement(ctx, st, data.obj("proof"))
    ctx.need(not desc or verdict == "verified", "data.proof", f"the point is not separated: {text}")
    return Decision(f"{head} is the {sense} of its {len(vals)} distinct values over {len({k for _, k in points})} "
                    f"{UNITS[model]}{desc + rhs if desc else ''}: {text}" + (OUTSIDE if desc else ""),
                    "refuted" if desc else verdict, detail)


def _point(ctx, data, sc, F) -> tuple:
    """(description, ⟨F, P*⟩) of ``data.point``: a hidden-variable model with bounded dependences
    (Sengupta–Wooltorton App. C/D) or a non-signalling mixture of Eq. (9) points."""
    spec = data.obj("point")
    ctx.need(sc == SW, "data.point", "a point is implemented for (2,2;2,2)")
    if spec.has("hidden"):
        hv, read = spec.obj("hidden"), ctx.ratfun if ctx.domains else ctx.value
        _nonneg = lambda f: nonnegative_on_box(ctx, "data.point.hidden", f)  # noqa: E731
        q, A, B = ([[read(hv, f"{k}[{i}][{j}]", raw=v) for j, v in enumerate(row)] if isinstance(row, list)
                    else [] for i, row in enumerate(hv.list(k, 4))] for k in ("weights", "alice", "bob"))
        n, raw = len(q[0]), hv.list("within", 2)
        bound = [read(hv, f"within[{i}]", raw=b) for i, b in enumerate(raw)]
        if not n or any(len(r) != n or not all(_nonneg(v) and _nonneg(1 - v) for v in r)
                        for r in q + A + B) or any(RationalFunction.lift(sum(r)) != 1 for r in q):
            raise ctx.fail("data.point.hidden", "needs 4 rows (xy = 00, 01, 10, 11) of n values in [0, 1], "
                                                "weights summing to 1")
        diffs = [(B[y][k] - B[2 + y][k], 0) for y in (0, 1) for k in range(n)] + \
            [(A[2 * x][k] - A[2 * x + 1][k], 1) for x in (0, 1) for k in range(n)]
        if not all(_nonneg(bound[i] - d) and _nonneg(bound[i] + d) for d, i in diffs):
            raise ctx.fail("data.point.hidden", f"a per-l dependence exceeds {raw[0]} or {raw[1]}")
        P = tuple(sum(q[c][k] * (A[c][k] if a == 0 else 1 - A[c][k]) * (B[c][k] if b == 0 else 1 - B[c][k])
                      for k in range(n)) for (a, b), (x, y) in sc.entries() for c in [2 * x + y])
        dep = [scalar_text(max(abs(d) for d, j in diffs if j == i)) + " " if not ctx.domains else "" for i in (0, 1)]
        md = "measurement-dependent" if len({tuple(map(str, r)) for r in q}) > 1 else "measurement-independent"
        shown = [rows_text(t, scalar_text) for t in (q, A, B)]
        desc = (f"the {md} model with {n} hidden values, q(l|xy) = {shown[0]}, p_A(0|xy,l) = {shown[1]}, "
                f"p_B(0|xy,l) = {shown[2]} (rows xy = 00, 01, 10, 11; per-l x-dependence of B "
                f"{dep[0]}<= {raw[0]}, y-dependence of A {dep[1]}<= {raw[1]})")
    else:
        labels = {json.dumps(label): key for label, key in signaling_points(ctx, spec)}
        rows, P, total = spec.list("weights"), [0] * sc.size, 0
        for i, row in enumerate(rows):
            ok = isinstance(row, list) and len(row) == 2 and json.dumps(row[0]) in labels
            if not ok or not (w := ctx.value(spec, f"weights[{i}][1]", raw=row[1])) > 0:
                raise ctx.fail(f"data.point.weights[{i}]", "is not [signaling label, positive weight]")
            P, total = [u + w * v for u, v in zip(P, labels[json.dumps(row[0])])], total + w
        ctx.need(total == 1, "data.point.weights", "the weights do not sum to 1")
        ctx.need(Behaviour(sc, tuple(P)).is_nonsignaling(), "data.point.weights", "the combination is signalling")
        desc = f"a non-signalling convex combination of {len(rows)} points of {model_text('signaling', spec)}"
    return f"; P* = {desc} has <F, P*> = ", pair(F.coefficients, P)


@kind("local-bound")
def decide(cert, ctx, data) -> Decision:
    ctx.read_field(data)
    sc = read_scenario(ctx, data)
    model = read_model(ctx, data, sc)
    parse = (lambda o, c: ctx.ratfun(o, "<coefficient>", raw=c)) if ctx.domains else None
    F, ftext = read_functional(ctx, data, sc, parse=parse)
    sense = data.text("sense", ("max", "min"))
    points = [] if model == "local" and not ctx.domains else model_points(ctx, data, sc, model)
    head = f"{sense} over {model_text(model, data)} of <{ftext}, P> on {scenario_text(sc)}"
    if ctx.domains:
        return _parametric(ctx, data, sc, model, F, head, sense, points)
    sign, labels = 1 if sense == "max" else -1, {json.dumps(label): key for label, key in points}
    G = F if sign == 1 else type(F)(sc, tuple(-c for c in F.coefficients))
    if model == "local":  # the best-response enumeration, not the list of points
        lb = local_bound(G, limit=OPTIMAL_LISTED)
        best, count, total = lb.value, lb.count, strategies(sc)
    else:
        values = {key: pair(G.coefficients, key) for _label, key in points}
        best = max(values.values())
        count, total = sum(v == best for v in values.values()), len(values)
    value = best * sign
    got = [read_point_label(ctx, f"data.optimal[{i}]", s, sc, model, labels)
           for i, s in enumerate(data.list("optimal"))]
    if len(set(got)) != len(got):
        raise ctx.fail("data.optimal", "lists a strategy twice (or two strategies of the same behaviour)")
    if (i := next((i for i, key in enumerate(got) if pair(G.coefficients, key) != best), None)) is not None:
        raise ctx.fail(f"data.optimal[{i}]", f"does not attain the {sense}imum {scalar_text(value)}")
    if len(got) != min(count, OPTIMAL_LISTED):
        raise ctx.fail("data.optimal", f"lists {len(got)} of the {count} optimal strategies")
    if data.has("point") and data.has("paper"):
        raise ctx.fail("data.paper", "with a point, the paper's claim is that the point is in the hull")
    paper = ctx.value(data, "paper") if data.has("paper") else None
    statement = f"{head} = {scalar_text(value)}, attained by {count} of {total} {UNITS[model]}" \
        + (f", {where_text(ctx)}" if where_text(ctx) else "")
    if data.has("point"):
        desc, v = _point(ctx, data, sc, F)
        if not (v > value if sense == "max" else v < value):
            raise ctx.fail("data.point", f"<F, P*> = {scalar_text(v)} does not pass the {sense}imum")
        return Decision(statement + desc + scalar_text(v) + OUTSIDE, "refuted", "a separated point")
    statement, verdict = against_paper(statement, None if paper is None else paper == value,
                                       None if paper is None else scalar_text(paper))
    return Decision(statement, verdict, f"enumerated {total} {UNITS[model]}")
