"""The relaxation linear programs, built exactly from a problem description (trusted, float-free).

Problem description (``data.problem`` in certificates)::

  {"type": "causal" | "measurement-dependence" | "bilocal",
   "model": causal-model spec, or {"named": "x-to-b", "m_x": 2, "m_y": 2, "o_a": 2, "o_b": 2},
            or for measurement dependence {"local": [[m, o], …]} (N-party LHV responses),
   "constraints": {"kind": "full", "p": [...], "p_t": [...]?, "normalize": bool}
                | {"kind": "functional", "functional": {...}, "value": r, "value_t": r?, "ns": true},
   "objective": {"measure": "influence", "source": "x", "target": "b"}
              | {"measure": "message", "node": "m"}
              | {"measure": "measurement-dependence"}
              | {"measure": "non-bilocality", "nu_profile": [f_ᾱ…], "fix_marginal": bool}
              | {"measure": "table-weight", "node": "a", "table": [..], "sense": "min"|"max"}
              | {"measure": "none"}}

Column layout: q_λ (causal; measurement dependence: q(ctx, λ) at ctx·n + λ) first, then auxiliary
columns (s for influence; t for ℓ1 measures, same layout as their rows). Row layout: observation
rows in observed-index order (or the functional row, then NS rows), normalisation rows, then
measure rows. ``t`` in a right-hand side is the certificate's parameter (e.g. a Bell value or a
visibility), entering only affinely.
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product

from ..lp.exact import LP
from .functionals import named_functional
from .models import CausalModel, ModelError, local_model, named_model, ns_rows

F = Fraction


def _rationals(values, what):
    from ..kernel.numbers import to_rational

    if not isinstance(values, list):
        raise ModelError(f"{what} must be a list of rationals")
    return [to_rational(v) for v in values]


def build_model(spec) -> CausalModel:
    if isinstance(spec, dict) and "named" in spec:
        kw = {k: spec[k] for k in ("m_x", "m_y", "o_a", "o_b") if k in spec}
        unknown = set(spec) - {"named", "m_x", "m_y", "o_a", "o_b"}
        if unknown:
            raise ModelError(f"unknown named-model field(s) {sorted(unknown)}")
        return named_model(spec["named"], **kw)
    if isinstance(spec, dict) and "local" in spec:
        parties = spec["local"]
        if not isinstance(parties, list) or not parties or any(
                not isinstance(p, list) or len(p) != 2 for p in parties):
            raise ModelError('"local" must be a list of [inputs, outputs] pairs')
        return local_model([tuple(p) for p in parties])
    return CausalModel.from_spec(spec)


def observed(constraints: dict, size: int) -> tuple:
    p = _rationals(constraints.get("p"), "constraints.p")
    pt = _rationals(constraints.get("p_t", [0] * size), "constraints.p_t")
    if len(p) != size or len(pt) != size:
        raise ModelError(f"observed distribution has {len(p)} entries, the model's scenario needs {size}")
    return p, pt


def check_normalized(model: CausalModel, p: list, pt: list) -> None:
    """Observed p (and its parametric part) must be normalised in every context and nonnegative."""
    nout = len(model.outcomes)
    for c in range(len(model.contexts)):
        if sum(p[c * nout:(c + 1) * nout]) != 1 or sum(pt[c * nout:(c + 1) * nout]) != 0:
            raise ModelError(f"observed distribution is not normalised in context {model.contexts[c]}")


def build(problem) -> tuple:
    """(LP, info) for a problem description; info has the model and named row/column blocks."""
    if not isinstance(problem, dict):
        raise ModelError("problem must be an object")
    kind = problem.get("type")
    model = build_model(problem.get("model"))
    cons = problem.get("constraints")
    obj = problem.get("objective")
    if not isinstance(cons, dict) or not isinstance(obj, dict):
        raise ModelError("problem needs constraints and objective objects")
    if kind == "causal":
        return _causal(model, cons, obj)
    if kind == "measurement-dependence":
        return _md(model, cons, obj)
    if kind == "bilocal":
        return _causal(model, cons, obj)
    raise ModelError(f"unknown problem type {kind!r}")


def _observation_rows(lp, model, cols, cons, offset_of=None):
    """Add observation rows. ``cols[λ]`` = tuple of outcome index per context. For measurement
    dependence, ``offset_of(ctx, λ)`` gives the column of q(ctx, λ) and every observation row is
    multiplied by #contexts (so p(ab|xy) = #ctx · Σ_λ q(xy, λ)[…] has integer coefficients);
    otherwise q_λ is column λ."""
    nout = len(model.outcomes)
    nctx = len(model.contexts)
    size = model.size
    ckind = cons.get("kind")
    md = offset_of is not None
    scale = nctx if md else 1
    bucket = [[] for _ in range(size)]  # observed index -> columns producing it
    for lam, col in enumerate(cols):
        for c, o in enumerate(col):
            bucket[c * nout + o].append(offset_of(c, lam) if md else lam)

    def row_of(f):
        row = {}
        for k, v in f.items():
            for j in bucket[k]:
                row[j] = row.get(j, 0) + v * scale
        return {j: v for j, v in row.items() if v}

    if ckind == "full":
        p, pt = observed(cons, size)
        check_normalized(model, p, pt)
        for k in range(size):
            lp.add_row({j: scale for j in bucket[k]}, "=", p[k], pt[k], f"obs[{k}]")
        if cons.get("normalize", False) and not md:
            lp.add_row({lam: 1 for lam in range(len(cols))}, "=", 1, 0, "norm")
    elif ckind == "functional":
        from ..kernel.numbers import to_rational

        from .functionals import check_shape

        check_shape(cons.get("functional"), nctx, nout)
        coef, const = named_functional(cons.get("functional"))
        value = to_rational(cons.get("value"))
        value_t = to_rational(cons.get("value_t", 0))
        lp.add_row(row_of(coef), "=", value - const, value_t, "functional")
        if cons.get("ns", True):
            for r, ns in enumerate(ns_rows(model)):
                row = row_of(ns)
                if row:
                    lp.add_row(row, "=", 0, 0, f"ns[{r}]")
        if not md:
            lp.add_row({lam: 1 for lam in range(len(cols))}, "=", 1, 0, "norm")
    else:
        raise ModelError(f"unknown constraints kind {ckind!r} (full, functional)")


def _causal(model, cons, obj):
    cols = model.observation_columns()
    n = model.n
    measure = obj.get("measure")
    naux = 0
    extra = {}
    if measure == "influence":
        labels, vrows = model.influence_rows(obj.get("source"), obj.get("target"))
        naux = 1
        extra = {"labels": labels, "rows": vrows}
    elif measure == "non-bilocality":
        prof = _rationals(obj.get("nu_profile"), "objective.nu_profile")
        a, c = model.outputs[0], model.outputs[-1]
        na, nc = model.tables[a], model.tables[c]
        if len(prof) != na:
            raise ModelError(f"nu_profile needs {na} entries (one per Alice response table)")
        naux = na * nc
        extra = {"profile": prof}
    lp = LP(n + naux, [True] * (n + naux), {}, col_names=[f"q{j}" for j in range(n)] + [f"aux{k}" for k in range(naux)])
    _observation_rows(lp, model, cols, cons)
    if measure == "influence":
        lp.objective = {n: F(1)}
        seen = set()
        for r, row in enumerate(extra["rows"]):  # identical rows (e.g. b and 1-b for binary b) kept once
            if tuple(row) in seen:
                continue
            seen.add(tuple(row))
            coeffs = {lam: -v for lam, v in enumerate(row) if v}
            coeffs[n] = 1
            lp.add_row(coeffs, ">=", 0, 0, f"C[{r}]")
    elif measure == "message":
        v = model.message_zero_row(obj.get("node"))
        lp.objective = {lam: w for lam, w in enumerate(v) if w}
    elif measure == "table-weight":
        node = obj.get("node")
        if node not in model.nodes:
            raise ModelError(f"unknown node {node!r}")
        table = obj.get("table")
        sign = {"min": 1, "max": -1}.get(obj.get("sense"))
        if sign is None:
            raise ModelError('table-weight sense must be "min" or "max"')
        lp.objective = {lam: F(sign) for lam, resp in enumerate(model.responses())
                        if list(resp[node]) == table}
        if not lp.objective:
            raise ModelError(f"table {table!r} is not a response table of {node!r}")
    elif measure == "non-bilocality":
        prof = extra["profile"]
        a, c = model.outputs[0], model.outputs[-1]
        tabs_a = list(product(range(model.card[a]), repeat=len(model.configs[a])))
        tabs_c = list(product(range(model.card[c]), repeat=len(model.configs[c])))
        ia = {t: i for i, t in enumerate(tabs_a)}
        ic = {t: i for i, t in enumerate(tabs_c)}
        nc = len(tabs_c)
        rows = [dict() for _ in range(len(tabs_a) * nc)]
        marg = [dict() for _ in tabs_a]
        for lam, resp in enumerate(model.responses()):
            ka, kc = ia[resp[a]], ic[resp[c]]
            marg[ka][lam] = 1
            for k2 in range(len(tabs_a)):
                r = rows[k2 * nc + kc]
                r[lam] = r.get(lam, 0) + (1 if k2 == ka else 0) - prof[k2]
        if obj.get("fix_marginal", False):
            for k2 in range(len(tabs_a)):
                lp.add_row(marg[k2], "=", prof[k2], 0, f"marginal[{k2}]")
        lp.objective = {n + k: F(1) for k in range(naux)}
        for k, r in enumerate(rows):
            r = {j: v for j, v in r.items() if v}
            lp.add_row({**{j: -v for j, v in r.items()}, n + k: 1}, ">=", 0, 0, f"t-[{k}]")
            lp.add_row({**r, n + k: 1}, ">=", 0, 0, f"t+[{k}]")
    elif measure == "none":
        lp.objective = {}
    else:
        raise ModelError(f"unknown objective measure {measure!r}")
    return lp, {"model": model, "n": n, **extra}


def _md(model, cons, obj):
    if obj.get("measure") != "measurement-dependence":
        raise ModelError("measurement-dependence problems minimise the measure M")
    cols = model.observation_columns()
    n = model.n
    nctx = len(model.contexts)
    N = nctx * n
    lp = LP(2 * N, [True] * (2 * N), {N + k: F(1) for k in range(N)})
    off = lambda c, lam: c * n + lam  # noqa: E731
    _observation_rows(lp, model, cols, cons, offset_of=off)
    for c in range(nctx):
        lp.add_row({c * n + lam: nctx for lam in range(n)}, "=", 1, 0, f"pxy[{c}]")
    # rows scaled by #ctx: #ctx·t ∓ (#ctx·q(c,λ) − Σ_c' q(c',λ)) >= 0
    for c in range(nctx):
        for lam in range(n):
            m = {c2 * n + lam: (nctx - 1 if c2 == c else -1) for c2 in range(nctx)}
            k = c * n + lam
            lp.add_row({**{j: -v for j, v in m.items()}, N + k: nctx}, ">=", 0, 0, f"t-[{k}]")
            lp.add_row({**m, N + k: nctx}, ">=", 0, 0, f"t+[{k}]")
    return lp, {"model": model, "n": n}
