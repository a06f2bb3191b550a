"""Kind ``facet-family``: printed facet inequalities of a signaling polytope S_(p,q),(r,s), decided
exactly — for ALL values of one symbolic parameter in its (open) range, or at fixed parameters.

data:
  model, fidelities   a named channel model (signaling.MODELS) and its fidelities (must agree)
  sample              (symbolic case) a rational parameter value inside the range where ranks and
                      symmetry classes are evaluated
  range               (symbolic case) the range the paper states; must equal parameters.<p>.range
  dim                 affine dimension of the polytope (at the sample)
  inequalities        list of {name, matrix (4×4, Eq. (5) form), sense "<=" | ">=", bound,
                      status, tight, rank, exceptional, violation?}
                        status       facet | valid-not-facet | invalid | implicit-equality
                        tight        number of (kA,kB) labels with slack ≡ 0
                        slack_sum    Σ over the 256 labels of bound − ⟨F,V⟩ at the sample (or the
                                     fixed parameters): an exact fingerprint of F and the model
                        rank         affine rank of those labels' points (facet: dim − 1)
                        exceptional  isolating intervals of the parameter values where the rank
                                     may drop (facets of a symbolic family only)
                        violation    (invalid items) {"vertex": [kA, kB], "at": p, "amount": a}:
                                     ⟨F,V⟩ exceeds the bound by exactly a there
  classes             number of distinct symmetry classes among the facet items (at the sample,
                      under the computed relabeling group of the polytope)
The claim ("verified") is that every item is a facet and the facet items lie in distinct classes.
Otherwise the verdict is "refuted", and expected.counterexample must be confirmed exactly:
  {"item": name, "problem": "invalid", "vertex": [..], "at": .., "amount": ..}
  {"item": name, "problem": "not-facet", "rank": r}
  {"item": name, "problem": "same-class", "other": name2}
"""
from __future__ import annotations

from fractions import Fraction

from ...kernel.numbers import format_rational
from ...polytopes.family import MixFamily, SignalingFamily, analyse
from ...polytopes.models import signaling, signaling_mix, symmetry_group
from ...polytopes.signaling import MODELS
from . import Outcome, checker

STATUSES = ("facet", "valid-not-facet", "invalid", "implicit-equality", "undefined")


def _symbolic_setup(reader):
    model = reader.get("data.model", str)
    if model == "signaling-mix":
        fid_raw = reader.get("data.fidelities", dict)
        if set(fid_raw) != {"p", "r"}:
            raise reader.fail("data.fidelities", "the mixture takes fidelities p and r")
        fids = []
        for k in "pr":
            f = reader.symbolic(f"data.fidelities.{k}", fid_raw[k])
            if f.den.constant_value() is None:
                raise reader.fail(f"data.fidelities.{k}", "fidelities must be polynomials in the parameter")
            fids.append(f.num * (1 / f.den.constant_value()))
        if len(reader.symbols) > 1:
            raise reader.fail("parameters", "at most one symbolic parameter is supported")
        return model, fids, next(iter(reader.symbols), None)
    if model not in MODELS:
        raise reader.fail("data.model", f"unknown channel model {model!r} (known: {', '.join(MODELS)})")
    fid_raw = reader.get("data.fidelities", dict)
    fids = []
    for k in "pqrs":
        f = reader.symbolic(f"data.fidelities.{k}", fid_raw.get(k))
        if f != reader.symbolic(f"data.fidelities.{k}", MODELS[model][k]):
            raise reader.fail(f"data.fidelities.{k}", f"does not match model {model} ({k} = {MODELS[model][k]})")
        if f.den.constant_value() is None:
            raise reader.fail(f"data.fidelities.{k}", "fidelities must be polynomials in the parameter")
        fids.append(f.num * (1 / f.den.constant_value()))
    if len(reader.symbols) > 1:
        raise reader.fail("parameters", "at most one symbolic parameter is supported")
    var = next(iter(reader.symbols), None)
    if var is None:
        for k, f in zip("pqrs", fids):
            c = f.constant_value()
            if not 0 <= c <= 1:
                raise reader.fail(f"data.fidelities.{k}", f"fidelity {format_rational(c)} is outside [0, 1]")
    return model, fids, var


def _matrix(reader, where, m):
    if not isinstance(m, list) or len(m) != 4 or any(not isinstance(r, list) or len(r) != 4 for r in m):
        raise reader.fail(where, "must be a 4x4 matrix (Eq. (5) form)")
    return [reader.symbolic(where, x) for r in m for x in r]


def _intervals(reader, where, raw):
    if not isinstance(raw, list):
        raise reader.fail(where, "must be a list of [lo, hi] intervals")
    out = []
    for k, iv in enumerate(raw):
        if not isinstance(iv, list) or len(iv) != 2:
            raise reader.fail(f"{where}[{k}]", "must be [lo, hi]")
        out.append((reader.rational(f"{where}[{k}]", iv[0]), reader.rational(f"{where}[{k}]", iv[1])))
    return out


@checker("facet-family")
def decide(cert, reader) -> Outcome:
    if cert.conventions.get("form") != "sw-4x4":
        raise reader.fail("conventions.form", "facet-family inequalities are written in the sw-4x4 form")
    model, fids, var = _symbolic_setup(reader)
    lo = hi = x0 = None
    if var is not None:
        lo, hi = reader.symbols[var]
        x0 = reader.rational("data.sample")
        if not lo < x0 < hi:
            raise reader.fail("data.sample", "must lie strictly inside the parameter range")
    if var is not None:
        rng = reader.get("data.range", list)
        if len(rng) != 2 or (reader.rational("data.range", rng[0]), reader.rational("data.range", rng[1])) != (lo, hi):
            raise reader.fail("data.range", "must equal the parameter range (the range the paper states)")
    fam = MixFamily(*fids, var) if model == "signaling-mix" else SignalingFamily(fids, var)
    items = reader.get("data.inequalities", list)
    if not items:
        raise reader.fail("data.inequalities", "empty list")
    results, names = {}, []
    dim = None
    for k, it in enumerate(items):
        where = f"data.inequalities[{k}]"
        if not isinstance(it, dict):
            raise reader.fail(where, "must be an object")
        name = it.get("name")
        if not isinstance(name, str) or name in names:
            raise reader.fail(f"{where}.name", "missing or duplicate name")
        names.append(name)
        entries = _matrix(reader, f"{where}.matrix", it.get("matrix"))
        sense = it.get("sense")
        if sense not in ("<=", ">="):
            raise reader.fail(f"{where}.sense", 'must be "<=" or ">="')
        bound = reader.symbolic(f"{where}.bound", it.get("bound"))
        with reader.context(where):
            res = analyse(fam, entries, bound, sense, lo, hi, x0)
        results[name] = (res, entries, bound, sense)
        if it.get("status") not in STATUSES:
            raise reader.fail(f"{where}.status", f"must be one of {', '.join(STATUSES)}")
        if it["status"] != res["status"]:
            raise reader.fail(f"{where}.status", f"claimed {it['status']}, checker finds {res['status']}")
        if res["status"] == "undefined":
            continue
        dim = res["dim"]
        if it.get("tight") != len(res["tight"]):
            raise reader.fail(f"{where}.tight", f"checker finds {len(res['tight'])} identically tight labels")
        if reader.rational(f"{where}.slack_sum", it.get("slack_sum")) != res["slack_sum"]:
            raise reader.fail(f"{where}.slack_sum", f"checker finds {format_rational(res['slack_sum'])}")
        if it.get("rank") != res["rank"]:
            raise reader.fail(f"{where}.rank", f"checker finds affine rank {res['rank']}")
        if res["status"] == "facet" and var is not None:
            exc = _intervals(reader, f"{where}.exceptional", it.get("exceptional"))
            if exc != [tuple(x) for x in res["exceptional"]]:
                raise reader.fail(f"{where}.exceptional", "differs from the exact root isolation "
                                  f"{[[format_rational(a), format_rational(b)] for a, b in res['exceptional']]}")
        if res["status"] == "invalid":
            _confirm_violation(reader, f"{where}.violation", it.get("violation"), fam, entries, bound, sense, var, lo, hi)
    if reader.get("data.dim", int) != dim:
        raise reader.fail("data.dim", f"checker finds affine dimension {dim}")
    # symmetry classes of the facet items at the sample point
    facets = [n for n in names if results[n][0]["status"] == "facet"]
    xs = {var: x0} if var else {}
    fid_at = [f.evaluate(xs) if var else f.constant_value() for f in fids]
    M = signaling_mix(*fid_at) if model == "signaling-mix" else signaling(*fid_at)
    _, group = symmetry_group(M)
    where_pt = M.index_of()
    keys = {}
    for n in facets:
        res = results[n][0]
        keys[n] = group.canonical({where_pt[pt] for pt in fam.points_at(x0, res["tight_at_sample"])})
    n_classes = len(set(keys.values()))
    if reader.get("data.classes", int) != n_classes:
        raise reader.fail("data.classes", f"checker finds {n_classes} distinct classes among {len(facets)} facets "
                          f"(group of order {group.order})")
    # the verdict
    bad = [n for n in names if results[n][0]["status"] != "facet"]
    dup = None
    for i, a in enumerate(facets):
        for b in facets[i + 1:]:
            if keys[a] == keys[b]:
                dup = (a, b)
                break
        if dup:
            break
    relation = reader.get("data.relation", str, "distinct")
    if relation not in ("distinct", "same-class"):
        raise reader.fail("data.relation", 'must be "distinct" or "same-class"')
    if relation == "same-class":
        if not bad and n_classes == 1:
            return Outcome("verified", f"{len(names)} facets of a {dim}-dim polytope, all in one symmetry class")
        dup = None
        if not bad:
            bad = [facets[-1]]
    if not bad and dup is None:
        return Outcome("verified", f"{len(names)} facets of a {dim}-dim polytope, {n_classes} distinct classes "
                       f"(group order {group.order})" + (f", valid for all {var} in ({lo}, {hi})" if var else ""))
    ce = cert.expected.get("counterexample")
    if not isinstance(ce, dict) or ce.get("item") not in results:
        raise reader.fail("expected.counterexample", "must name an item of data.inequalities")
    item = ce["item"]
    res = results[item][0]
    problem = ce.get("problem")
    if problem == "invalid":
        if res["status"] != "invalid":
            raise reader.fail("expected.counterexample", f"{item} is not invalid")
        _confirm_violation(reader, "expected.counterexample", ce, fam, *results[item][1:], var, lo, hi)
    elif problem == "not-facet":
        if res["status"] not in ("valid-not-facet", "implicit-equality") or ce.get("rank") != res["rank"]:
            raise reader.fail("expected.counterexample", f"{item}: status {res['status']}, rank {res['rank']}")
    elif problem == "same-class":
        other = ce.get("other")
        if other not in keys or item not in keys or keys[other] != keys[item] or other == item:
            raise reader.fail("expected.counterexample", f"{item} and {other!r} are not the same facet class")
    else:
        raise reader.fail("expected.counterexample.problem", 'must be "invalid", "not-facet" or "same-class"')
    why = [f"{n}: {results[n][0]['status']}" for n in bad] + ([f"{dup[0]} ~ {dup[1]} (same class)"] if dup else [])
    return Outcome("refuted", "; ".join(why)[:400])


def _value_at(entries, bound, pt, xs, sense):
    val = sum((e.evaluate(xs) * v for e, v in zip(entries, pt) if v), Fraction(0))
    b = bound.evaluate(xs)
    return b - val if sense == "<=" else val - b


def _confirm_violation(reader, where, v, fam, entries, bound, sense, var, lo, hi):
    if not isinstance(v, dict):
        raise reader.fail(where, "an invalid item needs its violation {vertex, at, amount}")
    lab = v.get("vertex")
    if not (isinstance(lab, list) and tuple(lab) in set(fam.labels)):
        raise reader.fail(f"{where}.vertex", "must be a vertex label ([kA, kB], or [channel, kA, kB] for the mixture)")
    xs = {}
    if var is not None:
        at = reader.rational(f"{where}.at", v.get("at"))
        if not lo < at < hi:
            raise reader.fail(f"{where}.at", "must lie strictly inside the parameter range")
        xs = {var: at}
    amount = reader.rational(f"{where}.amount", v.get("amount"))
    pt = fam.points_at(xs.get(var), [tuple(lab)])[0]
    slack = _value_at(entries, bound, pt, xs, sense)
    if amount <= 0 or slack != -amount:
        raise reader.fail(f"{where}.amount", f"the slack at that vertex is {format_rational(slack)}")
