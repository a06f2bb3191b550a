"""Kind ``lp``: facts about a causal-relaxation LP of Chaves–Kueng–Brask–Gross built by :mod:`..lp`, decided
from exact primal, dual and Farkas points (docs/kinds/lp.md)."""
from __future__ import annotations

import re
from fractions import Fraction as F
from itertools import product

from .. import lp as L
from .. import upoly
from ..linalg import rank
from ..models import read_functional, read_scenario, scenario_text
from ..numbers import format_rational as R
from ..poly import Poly
from ..scenario import Scenario
from . import Decision, against_paper, kind

MEASURES = ("influence", "message", "M", "non-bilocality", "table-weight", "none")
_NODE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,30}$")
CLAIMS = ("optimum", "infeasible", "piecewise", "universal", "nu-family", "dual-vertices")
MAX_COEFFICIENTS = 32  # of a polynomial in nu (Sturm sequences of degree 200 take seconds; the bundled ones: 4)


def _num(ctx, obj, key, raw=None) -> F:
    v = ctx.value(obj, key, raw=raw)
    ctx.need(isinstance(v, (int, F)), obj.at(key), "must be rational")
    return F(v)


def _poly(ctx, obj, key, raw=None) -> list:
    raw = obj.get(key) if raw is None else raw
    ctx.need(not isinstance(raw, list) or len(raw) <= MAX_COEFFICIENTS, obj.at(key),
             f"a polynomial in nu has at most {MAX_COEFFICIENTS} coefficients")
    return upoly.trim([_num(ctx, obj, key, raw=c) for c in (raw if isinstance(raw, list) else [None])])


def _vec(ctx, obj, key, length, raw=None, poly=False) -> dict:
    """A sparse vector [[index, nonzero value (or polynomial)], ...] with indices in range(length)."""
    out = {}
    for k, e in enumerate(obj.get(key, list) if raw is None else raw if isinstance(raw, list) else [None]):
        ok = isinstance(e, list) and len(e) == 2 and type(e[0]) is int and 0 <= e[0] < length and e[0] not in out
        ctx.need(ok, obj.at(key), f"entry {k} must be [new index in 0..{length - 1}, nonzero value]")
        out[e[0]] = (_poly if poly else _num)(ctx, obj, key, raw=e[1])
        ctx.need(out[e[0]], obj.at(key), f"entry {k} is zero (list nonzero entries only)")
    return out


def _ptext(p, x="nu") -> str:
    """A polynomial (coefficients lowest degree first) in ``x`` as the kernel writes polynomials."""
    return Poly({((x, k),) if k else (): c for k, c in enumerate(p)}).to_text()


def _model(ctx, spec):
    """(model, text, is LHV)."""
    if spec.has("named"):
        name, (mx, my), (oa, ob) = spec.text("named"), spec.list("inputs", 2), spec.list("outputs", 2)
        return L.named_model(name, mx, my, oa, ob), f"{name} ({mx},{my};{oa},{ob})", name == "lhv"
    if spec.has("local"):
        ps = spec.list("local")
        ctx.need(ps and all(isinstance(p, list) and len(p) == 2 for p in ps), spec.at("local"),
                 "[inputs, outputs] per party")
        return L.local_model(ps), "LHV ({};{})".format(*(",".join(str(p[k]) for p in ps) for k in (0, 1))), True
    m = L.CausalModel(*(dict(spec.obj(k).items(wrap=False)) if spec.has(k) else {}
                        for k in ("inputs", "outputs", "parents", "latent")))
    bad = next((n for n in m.card if not _NODE.match(n)), None)  # names enter the statement: no free text
    ctx.need(bad is None, spec.where, f"node name {bad!r} is not a name (a letter, then letters, digits, _)")
    return m, m.text(), False


def _observed(ctx, spec, model, th):
    """(the observation constraint for :func:`L.build`, its text)."""
    if spec.has("functional"):  # F in the notation of conventions.form, on the model's observed scenario
        cards = [[model.card[n] for n in ns] for ns in (model.inputs, model.outputs)]
        ctx.need(len(cards[0]) == len(cards[1]), spec.at("functional"), "needs one output per input")
        f, ftext = read_functional(ctx, spec, Scenario(*map(tuple, cards)))
        ctx.need(all(isinstance(c, (int, F)) for c in f.coefficients), spec.at("functional"), "must be rational")
        on_th = th is not None and spec.get("value", (str, int)) == th
        value = F(0) if on_th else _num(ctx, spec, "value")
        text = f"<{ftext}, p> = {th if on_th else R(value)}, no-signalling, normalised"
        return ("functional", dict(enumerate(f.coefficients)), value, F(int(on_th))), text
    t0, t1 = spec.text("p"), spec.text("p1", default=None)
    p0, p1 = L.distribution(t0, model), L.distribution(t1 or t0, model)
    return ("full", p0, [b - a for a, b in zip(p0, p1)]), f"p = (1-{th}) {t0} + {th} {t1}" if t1 else f"p = {t0}"


def _objective(ctx, ob, model, claim):
    """(measure dict for :func:`L.build`, its text)."""
    m = {"measure": ob.text("measure", MEASURES)}
    k = m["measure"]
    for key in {"influence": ("source", "target"), "message": ("node",), "table-weight": ("node",)}.get(k, ()):
        m[key] = ob.text(key)
    if k == "table-weight":
        ctx.need(m["node"] in model.outputs, ob.at("node"), "not an output of the model")
        m["table"] = ob.list("table")
        return m, f"weight of {m['node']}-table {m['table']}"
    if k == "non-bilocality":  # profile: weights c0, or pairs [c0, c1] (c0 + c1 ν) for nu-family
        m["fix_marginal"], raw, pairs = ob.flag("fix_marginal"), ob.list("profile"), claim == "nu-family"
        ctx.need(not pairs or (m["fix_marginal"] and all(isinstance(pr, list) and len(pr) == 2 for pr in raw)),
                 ob.at("profile"), "nu-family needs pairs [c0, c1] and fix_marginal true")
        m["pairs"] = [tuple(_num(ctx, ob, "profile", raw=c) for c in (pr if pairs else [pr])) for pr in raw]
        m["profile"], text = [pr[0] for pr in m["pairs"]], ", ".join(map(_ptext, m["pairs"]))
        return m, f"M_BL with Alice-table weights ({text}) " + ("imposed" if m["fix_marginal"] else
                                                                "in the objective only")
    return m, {"influence": f"C_{{{m.get('source')}->{m.get('target')}}}", "M": "M", "none": "0",
               "message": f"p({m.get('node')}=0)"}[k]


@kind("lp")
def decide(cert, ctx, data) -> Decision:
    try:
        names = sorted([*ctx.fixed, *ctx.domains])
        ctx.need(len(names) <= 1, "parameters", "an LP has at most one parameter")
        th, spec = (names or [None])[0], data.obj("model")
        if spec.has("no-signalling"):
            return _no_signalling(ctx, data, spec, th)
        model, mtext, lhv = _model(ctx, spec)
        claim = data.text("claim", CLAIMS)
        measure, otext = _objective(ctx, data.obj("objective"), model, claim)
        bare, md = claim == "infeasible", measure["measure"] == "M"  # infeasible: no objective, measure none or M
        ctx.need(measure["measure"] in ("none", "M") if bare else measure["measure"] != "none", "data.claim",
                 "infeasible needs measure none or M and no sense")
        sense = "min" if bare else data.text("sense", ("min", "max"))
        sign = 1 if sense == "min" else -1
        ctx.need(lhv or not md, "data.model", "the measurement-dependence LP is built over an LHV model")
        head = f"the {'measurement-dependence' if md else 'causal'} LP of model {mtext}"
        if claim in ("universal", "dual-vertices"):  # p is free
            ctx.need(not th, "parameters", f"{claim} has no parameter")
            ctx.need(claim != "universal" or (sign == 1 and not md), "data", "universal decides min over a causal LP")
            lp = L.build(model, md, ("full", [F(0)] * model.size, [F(0)] * model.size), measure, sign)
            decide_free = _universal if claim == "universal" else _vertices
            return decide_free(ctx, data, model, lp, f"{sense} of {otext} over {head}")
        obs, stext = _observed(ctx, data.obj("observed"), model, th)
        lp = L.build(model, md, obs, measure, sign)
        ctx.need((th is not None) == any(lp.r1), "parameters",
                 "the LP parameter must be the certificate's only parameter and enter the LP")
        where, st = ", " + ctx.quantifier() if th else "", f"{sense} of {otext} over {head} with {stext}"
        if claim == "nu-family":
            ctx.need(sign == 1, "data.sense", "nu-family decides min over nu of a minimum")
            return _nu_family(ctx, data, th, f"min over nu in NU of {st}", where, model, measure, md, obs)
        if claim == "piecewise":
            return _piecewise(ctx, data, lp, th, st, sign, where)
        return _single(ctx, data, claim, lp, th, st, f"{head} with {stext}", sign, where, otext)
    except (L.LPError, KeyError, TypeError, ValueError) as e:
        raise ctx.fail("data", str(e)) from None


def _no_signalling(ctx, data, spec, th) -> Decision:
    """optimum of <F, P> over the no-signalling behaviours of a scenario (:func:`L.ns_lp`), F in any notation."""
    ctx.need(th is None, "parameters", "the no-signalling LP has no parameter")
    sc = read_scenario(ctx, spec, "no-signalling")
    data.text("claim", ("optimum",))
    f, ftext = read_functional(ctx, data, sc)
    ctx.need(all(isinstance(c, (int, F)) for c in f.coefficients), "data.functional", "coefficients must be rational")
    sense = data.text("sense", ("min", "max"))
    sign = 1 if sense == "min" else -1
    st = f"{sense} of <{ftext}, P> over no-signalling behaviours on {scenario_text(sc)}"
    return _single(ctx, data, "optimum", L.ns_lp(sc, f.coefficients, sign), None, st, "", sign, "", "<F, P>")


def _single(ctx, data, claim, lp, th, st, lptext, sign, where, otext) -> Decision:
    """optimum: a primal and a dual with equal objectives; infeasible: a Farkas y (Aᵀy <= 0, y >= 0 on '>='
    rows) with rhs(θ)·y > 0 at every θ of the domain (affine in θ: the ends)."""
    dom, t = ctx.domains.get(th), ctx.fixed.get(th, F(0))
    ctx.need(dom is None or claim == "infeasible", "parameters", "this claim needs a fixed parameter value")
    if claim == "infeasible":
        a, b = L.dual(lp, _vec(ctx, data, "farkas", len(lp.rows)), farkas=True)
        ends = [(t, True)] if dom is None else [(dom.lo, dom.lo_closed), (dom.hi, dom.hi_closed)]
        # affine in θ: positive at closed ends, >= 0 at open ones, and not identically 0 (y = 0 proves nothing)
        ctx.need((a or b) and all(a + b * e > 0 or (a + b * e == 0 and not closed) for e, closed in ends),
                 "data.farkas", "rhs.y is not positive for every parameter value")
        tail = "" if dom is None or not b else (
            f" (Farkas: rhs.y = {_ptext([a, b], th)} > 0 exactly for {th} {'><'[b < 0]} {R(-a / b)})")
        return Decision(f"{lptext} is infeasible{where}{tail}", "verified")
    v = L.primal(lp, _vec(ctx, data, "primal", lp.ncols), t)
    a, b = L.dual(lp, _vec(ctx, data, "dual", len(lp.rows)))
    ctx.need(a + b * t == v, "data.dual", f"dual objective {R(a + b * t)} differs from the primal objective {R(v)}")
    paper = data.obj("paper", default=None)
    pv = paper and (paper.text("relation", ("=", ">=")), _num(ctx, paper, "value"))
    holds = pv and (sign * v == pv[1] or (pv[0] == ">=" and sign * v > pv[1]))
    return Decision(*against_paper(f"{st} = {R(sign * v)}{where}", holds, pv and f"{otext} {pv[0]} {R(pv[1])}"))


def _chain(ctx, where, th, ends) -> list:
    """[lo, *ends] for the domain [lo, hi] of θ, checked to increase strictly up to hi."""
    ctx.need(th in ctx.domains, "parameters", "this claim needs a domain")
    dom = ctx.domains[th]
    cuts = [dom.lo, *ends]
    ctx.need(all(a < b for a, b in zip(cuts, ends)) and cuts[-1] == dom.hi, where,
             f"piece ends must increase up to {R(dom.hi)}")
    return cuts


def _pieces_text(pieces, th) -> str:
    return "; ".join(f"{_ptext([c0, c1], th)} on [{R(a)}, {R(b)}]" for a, b, c0, c1 in pieces)


def _against(ctx, data, st, pieces, th) -> Decision:
    """Compare with the paper's pieces [[to, c0, c1], ...] (both affine between consecutive cuts)."""
    raw = data.get("paper", list, default=None)
    if raw is None:
        return Decision(st, "verified")
    ctx.need(all(isinstance(e, list) and len(e) == 3 for e in raw), "data.paper",
             "pieces [to, c0, c1] from the lower end")
    rows = [[_num(ctx, data, "paper", raw=x) for x in e] for e in raw]
    ends = _chain(ctx, "data.paper", th, [e[0] for e in rows])
    pp = [(a, b, c0, c1) for a, b, (_, c0, c1) in zip(ends, ends[1:], rows)]
    cuts = sorted({e for x in pieces + pp for e in x[:2]})
    val = lambda ps, t, u, w: next(c0 + c1 * t for a, b, c0, c1 in ps if a <= u and w <= b)  # noqa: E731
    same = all(val(pieces, t, u, w) == val(pp, t, u, w) for u, w in zip(cuts, cuts[1:]) for t in (u, w))
    return Decision(*against_paper(st, same, _pieces_text(pp, th)))


def _piecewise(ctx, data, lp, th, st, sign, where) -> Decision:
    """V(θ) is convex: a dual per piece bounds it below everywhere, the primals at the piece ends above."""
    pcs = data.objs("pieces")
    ends = _chain(ctx, "data.pieces", th, [_num(ctx, pc, "to") for pc in pcs])
    pieces = [(ends[k], ends[k + 1], *L.dual(lp, _vec(ctx, pc, "dual", len(lp.rows)))) for k, pc in enumerate(pcs)]
    for k, (t, x) in enumerate(zip(ends, data.list("points", len(ends)))):
        v = L.primal(lp, _vec(ctx, data, "points", lp.ncols, raw=x), t)
        ctx.need(all(c0 + c1 * t == v for a, b, c0, c1 in pieces if a <= t <= b),
                 f"data.points[{k}]", f"objective {R(v)} at {th} = {R(t)} is not the dual bound")
    pieces = [(a, b, sign * c0, sign * c1) for a, b, c0, c1 in pieces]
    return _against(ctx, data, f"{st} = {_pieces_text(pieces, th)}{where}", pieces, th)


def _nu_family(ctx, data, th, st, where, model, measure, md, obs) -> Decision:
    """min over ν in {f >= 0} of LP(ν, θ) (eq. (53) with q^a = f(ν) imposed). Upper bound: primals of L(ν*) at
    the piece ends; lower bound: y(ν) = N/D dual feasible for every ν with (P0 + θ P1) - g D >= 0 (Sturm)."""
    prof = measure["pairs"]
    lo = max([-a / b for a, b in prof if b > 0], default=None)
    hi = min([-a / b for a, b in prof if b < 0], default=None)
    ctx.need(lo is not None and hi is not None and lo < hi and all(a >= 0 for a, b in prof if b == 0),
             "data.objective.profile", "the admissible nu set (profile >= 0) must be a bounded interval")
    at = lambda nu: L.build(model, md, obs, {**measure, "profile": [a + b * nu for a, b in prof]}, 1)  # noqa: E731
    lp0, lp1 = at(F(0)), at(F(1))
    ctx.need(lp0.c == lp1.c and lp0.r1 == lp1.r1, "data.objective",
             "the profile must enter only the marginal and measure rows")
    pcs = data.objs("pieces")
    ends = _chain(ctx, "data.pieces", th, [_num(ctx, pc, "to") for pc in pcs])
    pieces, bounds = [], []
    for k, pc in enumerate(pcs):
        t0, t1 = ends[k:k + 2]
        nu = _num(ctx, pc, "nu")
        ctx.need(lo <= nu <= hi, pc.at("nu"), "nu lies outside the admissible range")
        lpn = at(nu)
        g = [L.primal(lpn, _vec(ctx, pc, "primals", lpn.ncols, raw=x), t)
             for x, t in zip(pc.list("primals", 2), (t0, t1))]
        g1 = (g[1] - g[0]) / (t1 - t0)
        g0 = g[0] - g1 * t0
        dual = pc.obj("dual")  # entries [] (the zero dual) bound the LP by 0 when every cost is >= 0
        D = _poly(ctx, dual, "denominator")
        P0, P1 = L.poly_dual(lp0, lp1, D, _vec(ctx, dual, "entries", len(lp0.rows), poly=True), lo, hi)
        bounds.append((t0, t1, P0, P1, D))
        for t in (t0, t1):
            gap = upoly.add(upoly.add(P0, upoly.scale(P1, t)), upoly.scale(D, -(g0 + g1 * t)))
            ctx.need(upoly.nonnegative_on(gap, lo, hi)[0], dual.where,
                     f"the dual bound is below the primal value at {th} = {R(t)}")
        pieces.append((t0, t1, g0, g1))
    st = st.replace("NU", f"[{R(lo)}, {R(hi)}]", 1) + f" = {_pieces_text(pieces, th)}{where}" + "".join(
        f"; for every nu in [{R(lo)}, {R(hi)}] and {th} in {ctx.domains[th].text()} the LP is >= ({_ptext(P0)}) + "
        + (_ptext([0, P1[0]], th) if len(P1) == 1 else f"{th} ({_ptext(P1)})")
        + ("" if D == [1] else f" / ({_ptext(D)})")
        for a, b, P0, P1, D in bounds if P0 or P1)
    if data.has("curves"):
        st += _curves(ctx, data, th, model, md, obs, prof, lp0, lp1, bounds, lo, hi)
    return _against(ctx, data, st, pieces, th)


def _curves(ctx, data, th, model, md, obs, prof, lp0, lp1, bounds, lo, hi) -> str:
    """The curve nu -> LP(nu, θ0) at listed θ0 (Fig. 4): duals of min / max of f_0(nu) = nu bound the feasible
    nu to [a, b]; a polynomial primal q(nu) feasible on [a, b] attains the dual bound (P0 + θ0 P1)/D there."""
    ctx.need(prof[0] == (0, 1), "data.objective.profile", "curves need f_0(nu) = nu")
    weight = {"measure": "table-weight", "node": model.outputs[0], "table": [0] * len(model.configs[model.outputs[0]])}
    out = []
    for cv in data.objs("curves"):
        t = _num(ctx, cv, "at")
        P0, P1, D = next(((P0, P1, D) for a, b, P0, P1, D in bounds if a <= t <= b), (None,) * 3)
        ctx.need(D is not None and ctx.domains[th].contains(t, excluded=False), cv.where,
                 "the piece holding this value has no dual bound")
        ab = []
        for sgn, y in zip((1, -1), cv.list("range", 2)):
            lpw = L.build(model, md, obs, weight, sgn)
            a0, a1 = L.dual(lpw, _vec(ctx, cv, "range", len(lpw.rows), raw=y))
            ab.append(sgn * (a0 + a1 * t))
        a, b = ab
        ctx.need(lo <= a < b <= hi, cv.where, f"the range [{R(a)}, {R(b)}] is not inside the nu range")
        num = upoly.add(P0, upoly.scale(P1, t))
        q = _vec(ctx, cv, "primal", lp0.ncols, poly=True)
        ctx.need(upoly.mul(L.poly_primal(lp0, lp1, q, t, a, b), D) == num, cv.at("primal"),
                 "its objective is not the dual bound")
        den = "" if D == [1] else f" / ({_ptext(D)})"
        out.append(f"at {th} = {R(t)}: infeasible for nu outside [{R(a)}, {R(b)}] and = {_ptext(num)}{den} on it")
    return "; exact curves " + "; ".join(out)


def _universal(ctx, data, model, lp, st) -> Decision:
    """min(p) = factor max[0, CHSH_1..8(p)] (eq. (8)): each dual z gives min(p) >= z.p = factor CHSH_i(p) on the
    24 NS vertices, hence on their affine hull, the no-signalling subspace (rank check); primals at the
    vertices give equality on the local polytope and each conv(PR_i, local vertices with CHSH_i = 0)."""
    ctx.need([model.card[v] for v in model.inputs + model.outputs] == [2] * 4, "data.model",
             "universal covers the CHSH scenario")
    variants, lhv = list(product(range(2), repeat=3)), L.named_model("lhv")
    verts = [[F(int(o == col[c])) for c in range(4) for o in range(4)] for col in lhv.columns()]
    verts += [L.pr_box(*v) for v in variants]
    ns = [[r.get(k, 0) for k in range(16)] + [0] for r in L.ns_rows(lhv)] + [[1] * 4 + [0] * 12 + [1]]
    spans = rank([v + [1] for v in verts]) + rank(ns) == 17
    ctx.need(spans and all(sum(a * b for a, b in zip(r, v)) == r[16] for r in ns for v in verts),
             "data", "the vertices do not span the no-signalling subspace")
    factor = _num(ctx, data, "factor")
    ctx.need(all(c >= 0 for c in lp.c.values()), "data.objective", "objective coefficients must be >= 0")
    for i, (v, raw) in enumerate(zip(variants, data.list("duals", 8))):
        L.dual(lp, y := _vec(ctx, data, "duals", len(lp.rows), raw=raw))
        rest = sum((lp.r0[k] * y.get(k, 0) for k in range(16, len(lp.rows))), F(0))
        ctx.need(all(sum((y.get(k, 0) * p[k] for k in range(16)), rest) == factor * L.evaluate(L.chsh(*v), p)
                       for p in verts), f"data.duals[{i}]", f"z.p differs from {R(factor)} CHSH{v} on the NS vertices")
    for k, (p, raw) in enumerate(zip(verts, data.list("primals", 24))):
        lp.r0[:16] = p
        value = L.primal(lp, _vec(ctx, data, "primals", lp.ncols, raw=raw), 0)
        ctx.need(value == factor * max([F(0)] + [L.evaluate(L.chsh(*w), p) for w in variants]),
                 f"data.primals[{k}]", "objective differs from factor max[0, CHSH_i] at the vertex")
    f = f"{R(factor)} max[0, CHSH_1..8(p)]"
    st += (f" with p imposed: = {f} for p in the local polytope and in each of the 8 simplices conv(PR_i, local "
           f"vertices with CHSH_i = 0); >= {f} for every normalised no-signalling p")
    pv = _num(ctx, data, "paper") if data.has("paper") else None
    return Decision(*against_paper(st, pv == factor, None if pv is None else f"factor {R(pv)}"))


def _vertices(ctx, data, model, lp, st) -> Decision:
    """Table I: points of D = {z : z_g = 0 on the gauge, z = y on the observation rows, y dual feasible}. A row
    is a vertex when mu > 0 on tight dual constraints gives a form in z alone that with the gauge forces z
    (rank); a row at the midpoint of two rows with distinct z is not extremal (docs/kinds/lp.md)."""
    nz, m, n, gauge = model.size, len(lp.rows), lp.ncols, data.list("gauge")
    ctx.need(len(set(gauge)) == len(gauge) and all(type(g) is int and 0 <= g < nz for g in gauge),
             "data.gauge", f"distinct observation rows in 0..{nz - 1}")
    raw_rows = data.list("rows")
    ctx.need(len(raw_rows) * (sum(map(len, lp.rows)) + n + nz) <= 1 << 24, "data.rows",
             "too many rows for the dual checks of this LP")
    ys = [_vec(ctx, data, "rows", m, raw=raw) for raw in raw_rows]
    zs = [[y.get(i, F(0)) for i in range(nz)] for y in ys]
    first = {}  # a point listed twice would be counted as two extremal points
    for k, (y, z) in enumerate(zip(ys, zs)):
        L.dual(lp, y)
        ctx.need(not any(z[g] for g in gauge), f"data.rows[{k}]", "violates the gauge")
        ctx.need(first.setdefault(tuple(z), k) == k, f"data.rows[{k}]",
                 f"repeats the point z of row {first[tuple(z)]}")
    proven = set()
    for pr in data.objs("vertices"):
        k, mu = pr.int("row", 0, len(ys) - 1), _vec(ctx, pr, "mu", n + m)
        ctx.need((len(mu) + len(gauge)) * m * m <= 1 << 24, pr.at("mu"), "too many constraints for the rank test")
        # a_j: column j of A (constraint c_j - a_j.y >= 0); constraint n + i: y_i >= 0 ('>=' rows only), a = -e_i
        a = {j: [lp.rows[i].get(j, F(0)) if j < n else F(-(i == j - n)) for i in range(m)] for j in mu}
        slack = [lp.c.get(j, 0) - sum(u * ys[k].get(i, 0) for i, u in enumerate(a[j])) for j in mu]
        ctx.need(k not in proven and all(v > 0 for v in mu.values()) and not any(slack) and all(
            lp.senses[j - n] == ">=" for j in mu if j >= n), pr.where,
                 "needs a new row and mu > 0 on columns and '>=' rows, tight at the row")
        ctx.need(not any(sum(v * a[j][i] for j, v in mu.items()) for i in range(nz, m)), pr.at("mu"),
                 "the combination is not a form in z alone")
        K = list(a.values()) + [[F(int(i == g)) for i in range(m)] for g in gauge]
        ctx.need(rank(K) == nz + rank([r[nz:] for r in K]), pr.at("mu"), "the tight constraints do not force z")
        proven.add(k)
    mids = data.list("midpoints")
    for k, e in enumerate(mids):
        ok = isinstance(e, list) and len(e) == 3 and all(type(v) is int and 0 <= v < len(ys) for v in e)
        ctx.need(ok and zs[e[1]] != zs[e[2]] and all(2 * a == b + c for a, b, c in zip(*(zs[v] for v in e))),
                 f"data.midpoints[{k}]", "must be [row, row i, row j] with z = (z_i + z_j)/2 and z_i != z_j")
    ctx.need(mids or len(proven) == len(ys), "data.vertices", "neither every row is a vertex nor one a midpoint")
    z = lambda k: "[" + ", ".join(map(R, zs[k])) + "]"  # noqa: E731
    st = (f"the dual region of {st} with p free, projected on the multipliers z of the observation rows with "
          f"gauge z_g = 0 for g in {gauge}: all {len(ys)} listed rows are dual feasible, {len(proven)} are proven "
          "vertices") + "".join(f"; row {k} (z = {z(k)}) is not extremal: the midpoint of rows {i} (z = {z(i)}) "
                                f"and {j} (z = {z(j)})" for k, i, j in mids)
    return Decision(*against_paper(st, not mids, f"the {len(ys)} listed rows are extremal points"))
