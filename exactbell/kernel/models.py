"""The model library: scenarios and Bell functionals built from declarative specs.

Every convention a model relies on is read from ``conventions`` and required (no defaults):
``form`` (``probability`` | ``sw-4x4`` | ``correlator`` | ``collins-gisin``), ``order`` for the
probability form, ``marginals`` for terms that leave inputs open. See
:mod:`exactbell.kernel.functional` for the notations (Sengupta–Wooltorton Eq. (5) for ``sw-4x4``).
"""
from __future__ import annotations

import hashlib
from fractions import Fraction
from itertools import product
from math import prod

import flint

from . import limits, polytope
from .envelope import Obj
from .functional import FORMS, MARGINAL_CONVENTIONS, SW_SCENARIO, BellFunctional, from_sw_matrix, functional_from_spec
from .params import Context, scalar_text
from .poly import Poly, RationalFunction
from .scenario import Behaviour, Scenario, ScenarioError


def read_scenario(ctx: Context, data: Obj, key: str = "scenario") -> Scenario:
    """``{"inputs": [m_1, ...], "outputs": [o_1, ...]}``, at most ``limits.STRATEGIES`` local
    deterministic strategies."""
    spec = data.obj(key)
    ins, outs = spec.list("inputs"), spec.list("outputs")
    try:
        sc = Scenario(tuple(ins), tuple(outs))
    except ScenarioError as e:
        raise ctx.fail(spec.where, str(e)) from None
    if strategies(sc) > limits.STRATEGIES:
        raise ctx.fail(spec.where, f"{strategies(sc)} deterministic strategies exceed the limit {limits.STRATEGIES}")
    return sc


def strategies(sc: Scenario) -> int:
    return prod(o**m for m, o in zip(sc.inputs, sc.outputs))


def scenario_text(sc: Scenario) -> str:
    """(m_A,m_B;o_A,o_B): inputs, then outputs, per party."""
    return f"({','.join(map(str, sc.inputs))};{','.join(map(str, sc.outputs))})"


def read_functional(ctx: Context, data: Obj, sc: Scenario, key: str = "functional",
                    parse=None) -> tuple[BellFunctional, str]:
    """(F, canonical text of F) from its spec in the notation named by ``conventions.form``;
    ``parse(obj, raw)`` reads a coefficient (default: an exact value at the fixed parameters)."""
    conv = ctx.cert.conventions
    form = conv.text("form", FORMS + ("named",))
    spec = data.obj(key)
    if form == "named":
        return _named(ctx, spec, sc)
    conventions = {"form": form}
    if form in ("correlator", "collins-gisin"):
        conventions["marginals"] = conv.text("marginals", MARGINAL_CONVENTIONS)
        raw = {"terms": dict(spec.obj("terms").items(wrap=False))}
        shown = " + ".join(f"({v})*{k}" for k, v in sorted(raw["terms"].items()))
    elif form == "sw-4x4":
        raw = {"matrix": spec.list("matrix", 4)}
        shown = "[" + "; ".join(" ".join(map(str, r)) if isinstance(r, list) else "?" for r in raw["matrix"]) + "]"
    else:
        conventions["order"] = conv.text("order")
        raw = {"coefficients": spec.list("coefficients", sc.size)}
        shown = "[" + ", ".join(map(str, raw["coefficients"])) + "]"
    try:
        F = functional_from_spec(sc, raw, conventions, (lambda c: parse(spec, c)) if parse else
                                 (lambda c: ctx.value(spec, "<coefficient>", raw=c)))
    except ScenarioError as e:
        raise ctx.fail(spec.where, str(e)) from None
    return F, functional_text(F, ", ".join(conventions.values()) if form == "probability" else form, shown)


def functional_text(F: BellFunctional, form: str, shown: str) -> str:
    """The functional as written (short) or by the digest of its canonical coefficients."""
    if len(shown) <= 160:
        return f"{shown} ({form})"
    digest = hashlib.sha256(",".join(scalar_text(c) for c in F.coefficients).encode()).hexdigest()[:12]
    return f"F#{digest} ({form}, sha256 of the canonical coefficients)"


# -- named functionals (conventions.form = "named") -------------------------------------------
def cglmp(d: int) -> tuple:
    """CGLMP I_d (Collins et al. 2002; Chaves–Kueng–Brask–Gross L1937): inputs 2×2, outputs d×d,
    canonical coefficients; local bound 2, no-signalling maximum 4."""
    sc, out = Scenario((2, 2), (d, d)), {}
    for k in range(d // 2):
        w = 1 - Fraction(2 * k, d - 1)
        for (x, y), plus, minus in (((0, 0), lambda a, b: a == (b + k) % d, lambda a, b: a == (b - k - 1) % d),
                                    ((1, 0), lambda a, b: b == (a + k + 1) % d, lambda a, b: b == (a - k) % d),
                                    ((1, 1), lambda a, b: a == (b + k) % d, lambda a, b: a == (b - k - 1) % d),
                                    ((0, 1), lambda a, b: b == (a + k) % d, lambda a, b: b == (a - k - 1) % d)):
            for a, b in product(range(d), repeat=2):
                i = sc.index((a, b), (x, y))
                out[i] = out.get(i, 0) + w * (int(plus(a, b)) - int(minus(a, b)))
    return tuple(Fraction(out.get(i, 0)) for i in range(sc.size))


def _named(ctx: Context, spec: Obj, sc: Scenario) -> tuple[BellFunctional, str]:
    spec.text("name", ("cglmp",))  # the only named functional so far
    d = spec.int("d", 2, 64)
    if sc != Scenario((2, 2), (d, d)):
        raise ctx.fail(spec.where, f"CGLMP_{d} lives on the scenario (2,2;{d},{d})")
    return BellFunctional(sc, cglmp(d)), f"CGLMP_{d} (named: Collins-Gisin-Linden-Massar-Popescu I_d)"


# -- models: the finite set of deterministic behaviours a bound is taken over ------------------
SW = SW_SCENARIO
MODELS = ("local", "causal", "signaling", "orbit")
_SW_ORDER_INV = from_sw_matrix([[4 * i + j for j in range(4)] for i in range(4)])  # canonical -> Eq. (5) flat


def causal_outcomes(sc: Scenario, order, tables) -> tuple:
    """Outcomes per context (``sc.contexts`` order) of a bipartite definite-order strategy
    (Oreshkov–Costa–Brukner; Branciard et al. 2016): order [i, j] means a_i = f(x_i), a_j = g(x_i, x_j);
    tables = [f as [a_i per x_i], g as [[a_j per x_j] per x_i]]. ValueError on a bad shape."""
    if sc.parties != 2 or order not in ([0, 1], [1, 0]) or not isinstance(tables, list) or len(tables) != 2:
        raise ValueError("a causal strategy is bipartite: order [0, 1] or [1, 0] and two tables")
    i, j = order
    f, g = tables
    ok = lambda v, o: type(v) is int and 0 <= v < o  # noqa: E731
    if not (isinstance(f, list) and len(f) == sc.inputs[i] and all(ok(v, sc.outputs[i]) for v in f)
            and isinstance(g, list) and len(g) == sc.inputs[i] and all(
                isinstance(r, list) and len(r) == sc.inputs[j] and all(ok(v, sc.outputs[j]) for v in r) for r in g)):
        raise ValueError(f"tables must be [{sc.inputs[i]} outputs of party {i}], "
                         f"[{sc.inputs[i]} x {sc.inputs[j]} outputs of party {j}]")
    return tuple(tuple(f[x[i]] if k == i else g[x[i]][x[j]] for k in (0, 1)) for x in sc.contexts)


def causal_behaviours(sc: Scenario) -> dict:
    """{outcomes per context: first strategy giving it}: the distinct deterministic causal
    behaviours, i.e. the vertices of the bipartite causal polytope (112 for (2,2;2,2))."""
    seen = {}
    for i, j in ((0, 1), (1, 0)):
        mi, mj = sc.inputs[i], sc.inputs[j]
        for f in product(range(sc.outputs[i]), repeat=mi):
            for g in product(range(sc.outputs[j]), repeat=mi * mj):
                tables = [list(f), [list(g[s * mj:(s + 1) * mj]) for s in range(mi)]]
                seen.setdefault(causal_outcomes(sc, [i, j], tables), {"order": [i, j], "tables": tables})
    return seen


def _sw_channels(ctx: Context, data: Obj) -> list:
    """``data.fidelities``: channels [p, q, r, s] of polynomials, (p, q) in at most one parameter u
    and (r, s) in at most one parameter w, as [(u, [p, q] as fmpq_poly in u), (w, r, s as RationalFunction)]."""
    chans, raw = [], data.list("fidelities")
    if not 1 <= len(raw) <= 8 or any(not isinstance(ch, list) or len(ch) != 4 for ch in raw):
        raise ctx.fail(data.at("fidelities"), "lists 1 to 8 channels [p, q, r, s]")
    for j, ch in enumerate(raw):
        f = [ctx.ratfun(data, f"fidelities[{j}][{i}]", raw=t) for i, t in enumerate(ch)]
        u, w = ({v for g in f[k:k + 2] for v in g.num.variables() | g.den.variables()} for k in (0, 2))
        if len(u) > 1 or len(w) > 1 or any(g.den.constant_value() is None for g in f):
            raise ctx.fail(data.at("fidelities"), "p, q and r, s are polynomials in at most one parameter each")
        u = next(iter(u), None)
        pq = [flint.fmpq_poly([flint.fmpq(x.numerator, x.denominator) for x in (g.num * (1 / g.den.constant_value())
              ).univariate_coefficients(u or "_")]) for g in f[:2]]
        chans.append((u, pq, f[2:]))
    return chans


def _sw_points(u, pq, rs) -> list:
    """Eq. (9) points of one channel: exact, as the entries are affine in (r, s) (Sengupta–Wooltorton
    Eq. (9): p(a|x,ỹ) p(b|x̃,y), one factor from each channel), by interpolation at r, s ∈ {0, 1}."""
    r, s = (_simple(RationalFunction.lift(g)) for g in rs)
    corners = {(i, k): polytope.sw_model("signaling", pq + [flint.fmpq_poly([i]), flint.fmpq_poly([k])])
               for i in (0, 1) for k in (0, 1)}
    weight = {(0, 0): (1 - r) * (1 - s), (1, 0): r * (1 - s), (0, 1): (1 - r) * s, (1, 1): r * s}
    return [(label, tuple(_simple(sum((weight[c] * _sw_value(corners[c][n][1][k], u) for c in corners),
                                      RationalFunction.lift(0))) for k in _SW_ORDER_INV))
            for n, (label, _) in enumerate(corners[0, 0])]


def signaling_points(ctx: Context, data: Obj) -> list:
    """[(label, canonical values)] of the Eq. (9) points (Sengupta–Wooltorton) of the channels
    ``data.fidelities``; label [k_A, k_B] (truth tables, :mod:`exactbell.kernel.polytope`), with
    the channel index first when there are several."""
    chans = _sw_channels(ctx, data)
    return [([j] * (len(chans) > 1) + list(label), point)
            for j, (u, pq, rs) in enumerate(chans) for label, point in _sw_points(u, pq, rs)]


def _simple(f):
    """A rational function without parameters as a Fraction."""
    return f if f.num.variables() | f.den.variables() else f.num.constant_value() / f.den.constant_value()


def _sw_value(c, var):
    """fmpq_poly -> Fraction (constant) or RationalFunction in ``var``."""
    cs = [Fraction(int(x.p), int(x.q)) for x in c.coeffs()] or [Fraction(0)]
    if len(cs) == 1:
        return cs[0]
    return RationalFunction(Poly({(((var, k),) if k else ()): x for k, x in enumerate(cs)}))


def model_points(ctx: Context, data: Obj, sc: Scenario, model: str) -> list:
    """[(label, behaviour as canonical values)] over the model's deterministic strategies: local
    (labels [[a per x] per party]); causal (one label per distinct behaviour, see
    :func:`causal_behaviours`); signaling (a union of channel polytopes, :func:`signaling_points`)."""
    if model == "local":
        strategies_ = product(*[[tuple(s) for s in sc.deterministic_strategies(i)] for i in range(sc.parties)])
        return [([list(t) for t in s], Behaviour.deterministic(sc, s).values) for s in strategies_]
    if model == "causal":
        return [(v, tuple(int(k[sc.contexts.index(x)] == a) for a, x in sc.entries()))
                for k, v in causal_behaviours(sc).items()]
    if sc != SW:
        raise ctx.fail(data.at("model"), f"the {model} model lives on (2,2;2,2)")
    return signaling_points(ctx, data) if model == "signaling" else orbit_points(ctx, data)


def orbit_points(ctx: Context, data: Obj) -> list:
    """[(index of the relabeling, canonical values)] of the images of the 4x4 matrix ``data.orbit``
    (Eq. (5) layout, expressions) under the 128 relabelings of (2,2;2,2) (:func:`polytope.relabelings`:
    output flips depending on the input, input flips, party swap)."""
    rows = data.list("orbit", 4)
    if any(not isinstance(r, list) or len(r) != 4 for r in rows):
        raise ctx.fail(data.at("orbit"), "needs a 4x4 matrix")
    flat = [_simple(ctx.ratfun(data, f"orbit[{i}][{j}]", raw=rows[i][j])) for i in range(4) for j in range(4)]
    out = []
    for n, pi in enumerate(polytope.relabelings()):
        w = [None] * 16
        for k, x in enumerate(flat):
            w[pi[k]] = x
        out.append(([n], tuple(w[k] for k in _SW_ORDER_INV)))
    return out


def model_text(model: str, data: Obj) -> str:
    """The model as named in a statement (signaling: its channels with the fidelities as written)."""
    if model == "orbit":
        return "the orbit of [" + "; ".join(" ".join(map(str, r)) for r in data.raw["orbit"]) + "] under the 128 " \
            "relabelings"
    if model != "signaling":
        return f"{model} strategies"
    return "signaling " + " u ".join(f"S_({f[0]},{f[1]}),({f[2]},{f[3]})" for f in data.raw["fidelities"]) \
        + " strategies"


def read_model(ctx: Context, data: Obj, sc: Scenario) -> str:
    """``data.model`` ("local" when absent: the local deterministic strategies of the scenario)."""
    model = data.text("model", MODELS, default="local")
    if model == "causal":
        if sc.parties != 2:
            raise ctx.fail(data.at("model"), "the causal model is implemented for 2 parties")
        n = sum(sc.outputs[i] ** sc.inputs[i] * sc.outputs[1 - i] ** (sc.inputs[0] * sc.inputs[1]) for i in (0, 1))
        if n > limits.STRATEGIES:
            raise ctx.fail(data.at("model"), f"{n} causal strategies exceed the limit {limits.STRATEGIES}")
    return model
