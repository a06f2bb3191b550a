"""The model library: scenarios, Bell functionals (notation ``conventions.form``, required, see
:mod:`exactbell.kernel.functional`), the finite point sets a bound is taken over (``model_points``) and the
labelled point models of the polytope kinds vertex-set, facet and classes (``read_points``)."""
from __future__ import annotations

import json
from collections import namedtuple
from fractions import Fraction
from itertools import islice, product
from math import factorial, lcm, prod

from . import limits, polytope, upoly
from .envelope import Obj
from .lp import named_model
from .functional import FORMS, MARGINAL_CONVENTIONS, SW_SCENARIO, BellFunctional, functional_from_spec
from .numbers import digest
from .params import Context, scalar_text
from .poly import Poly, RationalFunction
from .polytope import SIGN, SW_INDEX, correlator_relabelings, key, scenario_relabelings, sw_model
from .scenario import Behaviour, Scenario
from .upoly import flint as fmpq_poly

SW = SW_SCENARIO
MODELS = ("local", "causal", "signaling", "orbit")
LocalBound = namedtuple("LocalBound", "value strategies count")  # strategies: the first optimal ones


def read_scenario(ctx: Context, data: Obj, key: str = "scenario") -> Scenario:
    """``{"inputs": [m_1, ...], "outputs": [o_1, ...]}`` with at most ``limits.STRATEGIES`` local deterministic
    strategies (o^m is not computed for m beyond the limit's bit length)."""
    spec, bits = data.obj(key), limits.STRATEGIES.bit_length()
    sc = ctx.guard(spec.where, lambda: Scenario(tuple(spec.list("inputs")), tuple(spec.list("outputs"))))
    if any(o > 1 and m > bits for m, o in zip(sc.inputs, sc.outputs)) or strategies(sc) > limits.STRATEGIES:
        raise ctx.fail(spec.where, f"more deterministic strategies than the limit {limits.STRATEGIES}")
    return sc


def strategies(sc: Scenario) -> int:
    return prod(o**m for m, o in zip(sc.inputs, sc.outputs))


def causal_strategies(sc: Scenario) -> int:
    """Deterministic definite-order strategies of a bipartite scenario (A<B and B<A, not deduplicated)."""
    return sum(sc.outputs[i] ** sc.inputs[i] * sc.outputs[1 - i] ** prod(sc.inputs) for i in (0, 1))


def scenario_text(sc: Scenario) -> str:
    """(m_A,m_B;o_A,o_B): inputs, then outputs, per party."""
    return f"({','.join(map(str, sc.inputs))};{','.join(map(str, sc.outputs))})"


def rows_text(rows, text=str) -> str:
    """A matrix as written: rows separated by "; " ("?" for a row that is not a list)."""
    return "[" + "; ".join(" ".join(map(text, r)) if isinstance(r, list) else "?" for r in rows) + "]"


def read_functional(ctx: Context, data: Obj, sc: Scenario, key: str = "functional",
                    parse=None) -> tuple[BellFunctional, str]:
    """(F, its text) in the notation ``conventions.form``; ``parse(obj, raw)`` reads a coefficient."""
    conv, spec = ctx.cert.conventions, data.obj(key)
    form = conv.text("form", FORMS + ("named",))
    if form == "named":
        if spec.text("name", ("cglmp", "i3322")) == "i3322":
            ctx.need(sc == Scenario((3, 3), (2, 2)), spec.where, "I3322 lives on the scenario (3,3;2,2)")
            return BellFunctional(sc, i3322()), "I3322 (named: Collins-Gisin form, local bound 0)"
        d = spec.int("d", 2, 64)
        ctx.need(sc == Scenario((2, 2), (d, d)), spec.where, f"CGLMP_{d} lives on the scenario (2,2;{d},{d})")
        return BellFunctional(sc, cglmp(d)), f"CGLMP_{d} (named: Collins-Gisin-Linden-Massar-Popescu I_d)"
    conventions = {"form": form}
    if form in ("correlator", "collins-gisin"):
        conventions["marginals"] = conv.text("marginals", MARGINAL_CONVENTIONS)
        raw = {"terms": dict(spec.obj("terms").items(wrap=False))}
        shown = " + ".join(f"({v})*{k}" for k, v in sorted(raw["terms"].items()))
    elif form == "sw-4x4":
        raw = {"matrix": spec.list("matrix", 4)}
        shown = rows_text(raw["matrix"])
    else:
        conventions["order"] = conv.text("order")
        raw = {"coefficients": spec.list("coefficients", sc.size)}
        shown = "[" + ", ".join(map(str, raw["coefficients"])) + "]"
    read = (lambda c: parse(spec, c)) if parse else (lambda c: ctx.value(spec, "<coefficient>", raw=c))
    F = ctx.guard(spec.where, lambda: functional_from_spec(sc, raw, conventions, read))
    form = ", ".join(conventions.values()) if form == "probability" else form
    if len(shown) <= 160:  # the functional as written (short) or by the digest of its canonical coefficients
        return F, f"{shown} ({form})"
    text = ",".join(scalar_text(c) for c in F.coefficients)
    return F, f"F#{digest(text)} ({form}, sha256 of the canonical coefficients)"


def cglmp(d: int) -> tuple:
    """CGLMP I_d (Collins et al. 2002; Chaves–Kueng–Brask–Gross L1937): inputs 2×2, outputs d×d,
    canonical coefficients; local bound 2, no-signalling maximum 4. With t = a − b (b − a at xy = 01)
    mod d: Σ_k (1 − 2k/(d−1)) ([t = k] − [t = −k−1]), negated at xy = 10, k < d/2."""
    out = []
    for (a, b), (x, y) in Scenario((2, 2), (d, d)).entries():
        t, sign = (b - a if (x, y) == (0, 1) else a - b) % d, -1 if (x, y) == (1, 0) else 1
        out.append(sum((sign * (1 - Fraction(2 * k, d - 1)) * (int(t == k) - int(t == (-k - 1) % d))
                        for k in range(d // 2)), Fraction(0)))
    return tuple(out)


def i3322() -> tuple:
    """I3322 (Collins-Gisin 2004; Chaves–Kueng–Brask–Gross L1497-1511), local bound 0, canonical coefficients:
    p(00|xy) on xy = 00, 01, 02, 10, 11, 20 minus p(00|12), p(00|21), 2 p_A(0|0), p_A(0|1), p_B(0|0)."""
    terms = {"pA(0|0)": -2, "pA(0|1)": -1, "pB(0|0)": -1, "pAB(00|12)": -1, "pAB(00|21)": -1}
    terms.update({f"pAB(00|{xy})": 1 for xy in ("00", "01", "02", "10", "11", "20")})
    conv = {"form": "collins-gisin"}
    return functional_from_spec(Scenario((3, 3), (2, 2)), {"terms": terms}, conv, Fraction).coefficients


def local_bound(F: BellFunctional, limit: int = 4096) -> LocalBound:
    """max over deterministic local strategies s of ⟨F, P_s⟩, the first ``limit`` optimal s and their number:
    max_s ⟨F,P_s⟩ = max_{s_1…s_{N-1}} Σ_y max_b Σ_{x'} F(s_1(x_1)…s_{N-1}(x_{N-1}), b | x', y)."""
    sc, coeffs, scale = F.scenario, list(F.coefficients), 1
    rational = all(isinstance(c, (int, Fraction)) for c in coeffs)
    if rational:  # integers: exact, and fast
        scale = lcm(*[Fraction(c).denominator for c in coeffs])
        coeffs = [int(Fraction(c) * scale) for c in coeffs]
    front, last = list(product(*[range(m) for m in sc.inputs[:-1]])), range(sc.outputs[-1])
    outs = list(product(*[range(o) for o in sc.outputs[:-1]]))
    table = [[{a: [coeffs[sc.index(a + (b,), x + (y,))] for b in last] for a in outs} for x in front]
             for y in range(sc.inputs[-1])]  # [y][k][a_1…a_{N-1}][b] = F(a, b | front[k], y)
    best, winners = None, []
    for s in product(*[list(sc.deterministic_strategies(i)) for i in range(sc.parties - 1)]):
        answers = [tuple(t[x[i]] for i, t in enumerate(s)) for x in front]
        rows = [[sum((ty[k][a][b] for k, a in enumerate(answers)), 0) for b in last] for ty in table]
        total = sum((max(r) for r in rows), 0)
        if best is None or total > best:
            best, winners = total, []
        if total == best:
            winners.append((s, [[b for b, v in enumerate(r) if v == max(r)] for r in rows]))
    count = sum(prod(len(c) for c in choices) for _, choices in winners)
    optimal = islice((tuple(s) + (reply,) for s, choices in winners for reply in product(*choices)), limit)
    return LocalBound(Fraction(best, scale) if rational else best, list(optimal), count)


# -- models: the finite set of deterministic behaviours a bound is taken over ------------------
def _table(t, n: int, o: int) -> bool:
    """t lists n outputs in [0, o)."""
    return isinstance(t, list) and len(t) == n and all(type(v) is int and 0 <= v < o for v in t)


def causal_outcomes(sc: Scenario, order, tables) -> tuple:
    """Outcomes per context of a bipartite definite-order strategy (Branciard et al. 2016): order [i, j] means
    a_i = f(x_i), a_j = g(x_i, x_j); tables = [[a_i per x_i], [[a_j per x_j] per x_i]]. ValueError on bad shapes."""
    if sc.parties != 2 or order not in ([0, 1], [1, 0]) or not isinstance(tables, list) or len(tables) != 2:
        raise ValueError("a causal strategy is bipartite: order [0, 1] or [1, 0] and two tables")
    (i, j), (f, g) = order, tables
    if not (_table(f, sc.inputs[i], sc.outputs[i]) and isinstance(g, list) and len(g) == sc.inputs[i]
            and all(_table(r, sc.inputs[j], sc.outputs[j]) for r in g)):
        raise ValueError(f"tables must be [{sc.inputs[i]} outputs of party {i}], "
                         f"[{sc.inputs[i]} x {sc.inputs[j]} outputs of party {j}]")
    return tuple(tuple(f[x[i]] if k == i else g[x[i]][x[j]] for k in (0, 1)) for x in sc.contexts)


def causal_behaviours(sc: Scenario) -> dict:
    """{outcomes per context: first strategy giving it}: the vertices of the bipartite causal polytope."""
    seen = {}
    for i, j in ((0, 1), (1, 0)):
        mi, mj = sc.inputs[i], sc.inputs[j]
        for f in product(range(sc.outputs[i]), repeat=mi):
            for g in product(range(sc.outputs[j]), repeat=mi * mj):
                tables = [list(f), [list(g[s * mj:(s + 1) * mj]) for s in range(mi)]]
                seen.setdefault(causal_outcomes(sc, [i, j], tables), {"order": [i, j], "tables": tables})
    return seen


def causal_point(sc: Scenario, outcomes) -> tuple:
    """The deterministic behaviour (canonical values) with the given outcome per context."""
    return tuple(int(outcomes[sc.contexts.index(x)] == a) for a, x in sc.entries())


def folded(f):
    """The value of a constant polynomial; anything else unchanged."""
    return f.constant_value() if isinstance(f, Poly) and f.constant_value() is not None else f


def polynomial(ctx: Context, data: Obj, key: str, raw):
    """An expression that is a polynomial in the parameters (a Fraction when constant)."""
    g = ctx.ratfun(data, key, raw=raw)
    ctx.need(g.den.constant_value() is not None, data.at(key), "must be a polynomial in the parameters")
    return folded(g.num * (1 / g.den.constant_value()))


def nonnegative_on_box(ctx: Context, where: str, f) -> bool:
    """f >= 0 on the closed domain box: a polynomial in one parameter by sign cells, in several when multi-affine
    (extreme at the corners)."""
    if isinstance(f, RationalFunction):
        ctx.need(f.den.constant_value() is not None, where, f"{f.to_text()} is not a polynomial")
        f = f.num * (1 / f.den.constant_value())
    if not isinstance(f, Poly):
        return f >= 0
    names = sorted(f.variables())
    box = [(ctx.domains[v].lo, ctx.domains[v].hi) for v in names]
    if len(names) == 1:
        return upoly.nonnegative_on(f.univariate_coefficients(names[0]), *box[0])[0]
    ctx.need(all(max(dict(m).get(v, 0) for m in f.terms) <= 1 for v in names), where,
             f"{f.to_text()} is not a multi-affine polynomial")
    return all(f.evaluate(dict(zip(names, c))) >= 0 for c in product(*box))


def _rows(ctx: Context, data: Obj, key: str, counts, problem: str) -> list:
    """``data[key]``: a number of rows in ``counts``, each of 4 polynomials in the parameters."""
    rows = data.list(key)
    if len(rows) not in counts or any(not isinstance(r, list) or len(r) != 4 for r in rows):
        raise ctx.fail(data.at(key), problem)
    return [[polynomial(ctx, data, f"{key}[{i}][{j}]", t) for j, t in enumerate(r)] for i, r in enumerate(rows)]


def signaling_points(ctx: Context, data: Obj) -> list:
    """[(label [channel,] k_A, k_B), canonical values)] of the Eq. (9) points (:func:`polytope.sw_point`) of the
    channels ``data.fidelities`` = [[p, q, r, s], ...] (polynomials in the parameters)."""
    channels = _rows(ctx, data, "fidelities", range(1, 9), "lists 1 to 8 channels [p, q, r, s]")
    ctx.need(all(nonnegative_on_box(ctx, data.at("fidelities"), g) for f in channels for v in f for g in (v, 1 - v)),
             data.at("fidelities"), "a fidelity must lie in [0, 1] on the whole parameter domain")
    return [([j] * (len(channels) > 1) + list(lab), tuple(folded(Poly.lift(v[k])) for k in SW_INDEX))
            for j, f in enumerate(channels) for lab, v in sw_model("signaling", f)]


def orbit_points(ctx: Context, data: Obj) -> list:
    """[([n], canonical values)] of the images of the Eq. (5) matrix ``data.orbit`` under the n-th of the 128
    :func:`polytope.relabelings` (w[π[k]] = v[k])."""
    v = [e for row in _rows(ctx, data, "orbit", (4,), "needs a 4x4 matrix") for e in row]
    return [([n], tuple(v[pi.index(k)] for k in SW_INDEX)) for n, pi in enumerate(polytope.relabelings())]


def model_points(ctx: Context, data: Obj, sc: Scenario, model: str) -> list:
    """[(label, canonical values)] of the model's deterministic strategies (causal: one per behaviour)."""
    if model == "local":
        strategies_ = product(*[[tuple(s) for s in sc.deterministic_strategies(i)] for i in range(sc.parties)])
        return [([list(t) for t in s], Behaviour.deterministic(sc, s).values) for s in strategies_]
    if model == "causal":
        return [(v, causal_point(sc, k)) for k, v in causal_behaviours(sc).items()]
    ctx.need(sc == SW, data.at("model"), f"the {model} model lives on (2,2;2,2)")
    return signaling_points(ctx, data) if model == "signaling" else orbit_points(ctx, data)


def read_point_label(ctx: Context, where: str, raw, sc: Scenario, model: str, labels: dict) -> tuple:
    """The behaviour of a listed strategy: local [[a per x] per party], causal {"order", "tables"}, or a label."""
    if model == "local":
        if not (isinstance(raw, list) and len(raw) == sc.parties and all(map(_table, raw, sc.inputs, sc.outputs))):
            raise ctx.fail(where, "a local strategy lists, per party, one output per input")
        return Behaviour.deterministic(sc, raw).values
    if model == "causal":
        if not isinstance(raw, dict) or set(raw) != {"order", "tables"}:
            raise ctx.fail(where, "a causal strategy is an object with exactly the keys order and tables")
        return causal_point(sc, ctx.guard(where, lambda: causal_outcomes(sc, raw["order"], raw["tables"])))
    ctx.need(json.dumps(raw) in labels, where, f"is not a strategy label of the {model} model")
    return labels[json.dumps(raw)]


def model_text(model: str, data: Obj) -> str:
    """The model as named in a statement (signaling: its channels with the fidelities as written)."""
    if model == "orbit":
        return f"the orbit of {rows_text(data.raw['orbit'])} under the 128 relabelings"
    if model != "signaling":
        return f"{model} strategies"
    channels = " u ".join(f"S_({f[0]},{f[1]}),({f[2]},{f[3]})" for f in data.raw["fidelities"])
    return f"signaling {channels} strategies"


def read_model(ctx: Context, data: Obj, sc: Scenario) -> str:
    """``data.model`` ("local" when absent: the local deterministic strategies of the scenario)."""
    model = data.text("model", MODELS, default="local")
    if model == "causal":
        ctx.need(sc.parties == 2, data.at("model"), "the causal model is implemented for 2 parties")
        if (n := causal_strategies(sc)) > limits.STRATEGIES:
            raise ctx.fail(data.at("model"), f"{n} causal strategies exceed the limit {limits.STRATEGIES}")
    return model


# -- point models of the polytope kinds (vertex-set, facet, classes) ----------------------------------
FIDELITIES = {"signaling": "pqrs", "signaling-mix": "pr"}
RELABELINGS = 20000  # the most relabelings of a local model


def univariate(p, var) -> upoly.fmpq_poly:
    """A Poly in at most the parameter var (a constant when var is None) as an fmpq_poly."""
    return fmpq_poly(p.univariate_coefficients(var) if var else [p.constant_value()])


def fidelity(ctx, obj, k, var, raw=None, bounded=True):
    """A polynomial in the parameter var (fmpq_poly); ``bounded``: in [0, 1] on the whole domain."""
    p = Poly.lift(polynomial(ctx, obj, k, raw))
    f = univariate(p, var)
    if bounded and not (nonnegative_on_box(ctx, obj.at(k), p) and nonnegative_on_box(ctx, obj.at(k), 1 - p)):
        raise ctx.fail(obj.at(k), "a fidelity must lie in [0, 1] on the whole parameter domain")
    return f


def _image(ctx, spec):
    """(text, points, None): the images (<F_X, P>, <F_Y, P>) of the causal points P (:func:`model_points`)."""
    spec.text("base", ("causal",))
    sc = read_scenario(ctx, spec)
    if sc.parties != 2 or causal_strategies(sc) > limits.STRATEGIES:
        raise ctx.fail(spec.at("scenario"), f"the causal model: 2 parties, at most {limits.STRATEGIES} strategies")
    co = spec.obj("coordinates")
    (FX, tx), (FY, ty) = (read_functional(ctx, co, sc, k) for k in "XY")
    pts = [(FX.value(b), FY.value(b)) for b in (Behaviour(sc, p) for _, p in model_points(ctx, spec, sc, "causal"))]
    order = ctx.cert.conventions.raw.get("order")  # read by read_functional for the probability form
    return (f"the image (X, Y) = (<{tx}>, <{ty}>){f' (coefficients in {order} order)' if order else ''} of the "
            f"{len(pts)} deterministic definite-order behaviours on {scenario_text(sc)}, labels [k] in the kernel's "
            "enumeration"), pts, None


def _local(ctx, spec):
    """(text, points, relabelings): the local deterministic points of a 2- or 3-party scenario and the
    relabelings of inputs, outputs per input and parties of equal shape, as coordinate permutations."""
    sc = read_scenario(ctx, spec)
    shapes = list(zip(sc.inputs, sc.outputs))
    if sc.parties not in (2, 3) or factorial(sc.parties) * prod(
            factorial(m) * factorial(o) ** m for m, o in shapes) > RELABELINGS:
        raise ctx.fail(spec.at("scenario"), f"2 or 3 parties, at most {RELABELINGS} relabelings")
    pts = [v for _, v in model_points(ctx, spec, sc, "local")]
    return (f"the deterministic local points of {scenario_text(sc)} (p(a...|x...) in the canonical inputs-major order, "
            "labels [k] in the kernel's enumeration)"), pts, [(pi, None) for pi in scenario_relabelings(sc)]


def _a_to_b(ctx, spec, space):
    """(text, points, relabelings) of the A→B model (Chaves et al. Fig. 1(c), :func:`named_model`): E_xy, or
    p(ab|xy) at 4(m_y·x + y) + 2a + b."""
    mx, my = spec.list("inputs", 2)
    ctx.need(all(type(m) is int and 2 <= m <= 4 for m in (mx, my)), spec.at("inputs"), "two input counts in [2, 4]")
    cols, prob = named_model("a-to-b", mx, my).columns(), space == "probability"
    return (f"the A->B polytope in probability space (p(ab|xy) at 4({my}x+y)+2a+b, x < {mx}, y < {my})" if prob
            else f"the A->B correlator polytope (E_xy, x < {mx}, y < {my}, (x,y) lexicographic)"), \
        [tuple(int(o == j) for o in c for j in range(4)) if prob else tuple(SIGN[o] for o in c) for c in cols], \
        correlator_relabelings(mx, my, space)


def distinct_points(pairs) -> tuple[list, dict]:
    """([distinct point], {label: point index}) of [(label, point)]."""
    where = {}
    index = {lab: where.setdefault(key(v), (len(where), v))[0] for lab, v in pairs}
    return [v for _, v in where.values()], index


def read_points(ctx, data, symbolic=True, image=False, space=False):
    """(model text, var or None, [label], [distinct point], {label: point index}, relabelings) of data.model: a
    channel model (Eq. (9)/(11)), a-to-b (in data.space if ``space``), local, or (``image``) image."""
    spec = data.obj("model")
    name = spec.text("name", (*FIDELITIES, "a-to-b", "local") + ("image",) * image)
    if len(ctx.domains) > symbolic:
        raise ctx.fail("parameters", "at most one parameter with a domain" if symbolic else "fixed parameters only")
    var = next(iter(ctx.domains), None)
    if name in FIDELITIES:
        fo = spec.obj("fidelities")
        fids = [fidelity(ctx, fo, k, var) for k in FIDELITIES[name]]
        t = [str(f).replace(" ", "").replace("x", var or "x") for f in fids]
        text = f"S_({t[0]},{t[1]}),({t[2]},{t[3]}) (Eq. (9))" if name == "signaling" else \
            f"S_({t[0]},1)*,({t[1]},1)* (Eq. (11))"
        pairs, maps = sw_model(name, fids), None
    else:
        text, pts, maps = _image(ctx, spec) if name == "image" else _local(ctx, spec) if name == "local" else \
            _a_to_b(ctx, spec, data.text("space", ("correlator", "probability")) if space else "correlator")
        pairs = [((k,), tuple(fmpq_poly([c]) for c in v)) for k, v in enumerate(pts)]
    return (text, var, [lab for lab, _ in pairs], *distinct_points(pairs), maps)


def label_of(ctx, where, raw, index):
    lab = tuple(raw) if isinstance(raw, list) and all(type(x) is int for x in raw) else None
    ctx.need(lab in index, where, "not a label of the model")
    return lab
