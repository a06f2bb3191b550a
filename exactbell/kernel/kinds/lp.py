"""Kind ``lp``: facts about a causal-relaxation LP of Chaves–Kueng–Brask–Gross that the kernel builds
from a declarative spec (:mod:`exactbell.kernel.lp`), decided from exact primal / dual points.

data:
  model      {"named": "lhv"|"x-to-b"|"a-to-b"|"one-way-binary", "inputs": [m_x, m_y], "outputs": [o_a, o_b]}
             | {"local": [[m, o], ...]} (LHV) | {"inputs", "outputs", "parents", "latent"?} (a DAG)
  observed   {"p": P, "p1": P?}: p(θ) = (1 - θ) p + θ p1 (P a kernel-named distribution or a list)
             | {"functional": "cglmp"|"i3322", "d"?, "value": r or θ's name}: f(p) = value, no-signalling,
             normalised | absent for claim "universal" (the kernel ranges over p)
  objective  {"measure": "influence", "source", "target"} | {"measure": "message", "node"} | {"measure": "M"}
             (measurement dependence, LHV model) | {"measure": "non-bilocality", "profile", "fix_marginal"}
             | {"measure": "table-weight", "node", "table"} | {"measure": "none"};  sense "min" | "max"
  claim      "optimum": primal, dual | "feasible": primal | "infeasible": farkas (for every θ of the domain)
             | "piecewise": pieces [{"to", "dual"}] and points (a primal at every piece end)
             | "universal": factor, duals (8, CHSH variants r,s,t lexicographic), primals (24 NS vertices)
             | "nu-family": profile [[c0, c1], ...] affine in ν, pieces [{"to", "nu", "primals": [2], "dual"?}]
  paper      optional: {"relation": "=" | ">=", "value"} | pieces [[to, c0, c1], ...] | the factor
θ is the certificate's only parameter (fixed, or a domain). Vectors are sparse [[index, "p/q"], ...]
over the kernel's column (primal) or row (dual) layout.
"""
from __future__ import annotations

import hashlib
from fractions import Fraction as F

from .. import lp as L
from .. import upoly
from ..linalg import rank
from ..numbers import format_rational as R
from . import Decision, against_paper, kind

MEASURES = ("influence", "message", "M", "non-bilocality", "table-weight", "none")
CLAIMS = ("optimum", "feasible", "infeasible", "piecewise", "universal", "nu-family")


def _num(ctx, obj, key, raw=None) -> F:
    v = ctx.value(obj, key, raw=raw)
    if not isinstance(v, (int, F)):
        raise ctx.fail(obj.at(key), "must be rational")
    return F(v)


def _sparse(ctx, obj, key, length, raw=None) -> dict:
    out, raw = {}, obj.get(key, list) if raw is None else raw
    for k, e in enumerate(raw if isinstance(raw, list) else [None]):
        if not (isinstance(e, list) and len(e) == 2 and type(e[0]) is int and 0 <= e[0] < length) or e[0] in out:
            raise ctx.fail(obj.at(key), f"entry {k} must be [new index in 0..{length - 1}, nonzero value]")
        if not (out.setdefault(e[0], _num(ctx, obj, key, raw=e[1]))):
            raise ctx.fail(obj.at(key), f"entry {k} is zero (list nonzero entries only)")
    return out


def _aff(c0, c1, x) -> str:
    """c0 + c1 x as text: "0", "2/5 t", "-1/4 + 3/4 t"."""
    lin = "" if not c1 else x if c1 == 1 else f"-{x}" if c1 == -1 else f"{R(c1)} {x}"
    return R(c0) if not lin else lin if not c0 else f"{R(c0)} {'-' if lin[0] == '-' else '+'} {lin.lstrip('-')}"


def _model(ctx, spec):
    """(model, text, is LHV)."""
    try:
        if spec.has("named"):
            name, (mx, my), (oa, ob) = spec.text("named"), spec.list("inputs", 2), spec.list("outputs", 2)
            return L.named_model(name, mx, my, oa, ob), f"{name} ({mx},{my};{oa},{ob})", name == "lhv"
        if spec.has("local"):
            ps = spec.list("local")
            if not ps or not all(isinstance(p, list) and len(p) == 2 for p in ps):
                raise L.LPError("local lists [inputs, outputs] per party")
            return L.local_model(ps), "LHV (" + ",".join(str(p[0]) for p in ps) + ";" + ",".join(
                str(p[1]) for p in ps) + ")", True
        m = L.CausalModel(*(dict(spec.obj(k).items(wrap=False)) if spec.has(k) else {}
                            for k in ("inputs", "outputs", "parents", "latent")))
        return m, m.text(), False
    except (L.LPError, TypeError, ValueError) as e:
        raise ctx.fail(spec.where, str(e)) from None


def _dist(ctx, obj, key, model):
    raw = obj.get(key, (str, list))
    if isinstance(raw, str):
        try:
            return L.distribution(raw, model), raw
        except L.LPError as e:
            raise ctx.fail(obj.at(key), str(e)) from None
    if len(raw) != model.size:
        raise ctx.fail(obj.at(key), f"needs {model.size} entries")
    p = [_num(ctx, obj, key, raw=v) for v in raw]
    text = "[" + ", ".join(map(R, p)) + "]"
    return p, text if len(p) <= 16 else "p#" + hashlib.sha256(text.encode()).hexdigest()[:12]


def _objective(ctx, ob, model, claim):
    """(measure dict for :func:`L.build`, its text)."""
    m = {"measure": ob.text("measure", MEASURES)}
    k = m["measure"]
    for key in {"influence": ("source", "target"), "message": ("node",), "table-weight": ("node",)}.get(k, ()):
        m[key] = ob.text(key)
    if k == "table-weight":
        if m["node"] not in model.outputs:
            raise ctx.fail(ob.at("node"), "not an output of the model")
        m["table"] = ob.list("table")
        return m, f"weight of {m['node']}-table {m['table']}"
    if k == "non-bilocality":
        m["fix_marginal"], raw = ob.flag("fix_marginal"), ob.list("profile")
        if claim == "nu-family":
            if not m["fix_marginal"] or not all(isinstance(pr, list) and len(pr) == 2 for pr in raw):
                raise ctx.fail(ob.at("profile"), "nu-family needs pairs [c0, c1] and fix_marginal true")
            m["pairs"] = [tuple(_num(ctx, ob, "profile", raw=c) for c in pr) for pr in raw]
            m["profile"], text = [c0 for c0, _ in m["pairs"]], ", ".join(_aff(a, b, "nu") for a, b in m["pairs"])
        else:
            m["profile"] = [_num(ctx, ob, "profile", raw=c) for c in raw]
            text = ", ".join(map(R, m["profile"]))
        return m, f"M_BL with Alice-table weights ({text})" + (" imposed" if m["fix_marginal"] else " in the objective only")
    return m, {"influence": f"C_{{{m.get('source')}->{m.get('target')}}}", "M": "M", "none": "0",
               "message": f"p({m.get('node')}=0)"}[k]


@kind("lp")
def decide(cert, ctx, data) -> Decision:
    names = sorted([*ctx.fixed, *ctx.domains])
    if len(names) > 1:
        raise ctx.fail("parameters", "an LP has at most one parameter")
    th = names[0] if names else None
    model, mtext, lhv = _model(ctx, data.obj("model"))
    claim = data.text("claim", CLAIMS)
    measure, otext = _objective(ctx, data.obj("objective"), model, claim)
    bare = claim in ("feasible", "infeasible")  # no objective: measure none, or M for the measurement-dependence LP
    if (bare and measure["measure"] not in ("none", "M")) or (not bare and measure["measure"] == "none") or (
            claim == "universal" and th):
        raise ctx.fail("data.claim", "(in)feasible needs measure none or M and no sense; universal has no parameter")
    sense = "min" if bare else data.text("sense", ("min", "max"))
    sign = 1 if sense == "min" else -1
    md = measure["measure"] == "M"
    if md and not lhv:
        raise ctx.fail("data.model", "the measurement-dependence LP is built over an LHV model")
    head = f"the {'measurement-dependence' if md else 'causal'} LP of model {mtext}"
    if claim == "universal":
        return _universal(ctx, data, model, measure, f"{sense} of {otext} over {head}", sign)
    obs_spec = data.obj("observed")
    if obs_spec.has("functional"):
        fname = obs_spec.text("functional", ("cglmp", "i3322"))
        d = obs_spec.int("d", 2, 16) if fname == "cglmp" else None
        try:
            f, ftext = L.functional(fname, d, model)
        except L.LPError as e:
            raise ctx.fail(obs_spec.where, str(e)) from None
        on_th = th is not None and obs_spec.get("value", (str, int)) == th
        obs = ("functional", f, F(0) if on_th else _num(ctx, obs_spec, "value"), F(int(on_th)))
        stext = f"{ftext}(p) = {th if on_th else R(obs[2])}, no-signalling, normalised"
    else:
        (p0, t0), mix = _dist(ctx, obs_spec, "p", model), obs_spec.has("p1")
        p1, t1 = _dist(ctx, obs_spec, "p1", model) if mix else (p0, t0)
        obs = ("full", p0, [b - a for a, b in zip(p0, p1)])
        stext = f"p = (1-{th}) {t0} + {th} {t1}" if mix else f"p = {t0}"
    try:
        lp, _ = L.build(model, md, obs, measure, sign)
    except (L.LPError, KeyError, TypeError, ValueError) as e:
        raise ctx.fail("data", str(e)) from None
    if (th is not None) != any(lp.r1):
        raise ctx.fail("parameters", "the LP parameter must be the certificate's only parameter and enter the LP")
    where = ", " + ctx.quantifier() if th else ""
    st = f"{sense} of {otext} over {head} with {stext}"
    try:
        if claim == "nu-family":
            if sign != 1:
                raise ctx.fail("data.sense", "nu-family decides min over nu of a minimum")
            return _nu_family(ctx, data, th, f"min over nu in NU of {st}", where, model, measure, md, obs)
        return _CLAIMS[claim](ctx, data, lp, th, st, f"{head} with {stext}", sign, where, otext)
    except L.LPError as e:
        raise ctx.fail(f"data ({claim})", str(e)) from None


def _at(ctx, th) -> F:
    if th is not None and th not in ctx.fixed:
        raise ctx.fail("parameters", "this claim needs a fixed parameter value")
    return ctx.fixed.get(th, F(0))


def _optimum(ctx, data, lp, th, st, lptext, sign, where, otext):
    t = _at(ctx, th)
    v = L.primal(lp, _sparse(ctx, data, "primal", lp.ncols), t)
    a, b = L.dual(lp, _sparse(ctx, data, "dual", len(lp.rows)))
    if a + b * t != v:
        raise ctx.fail("data.dual", f"dual objective {R(a + b * t)} differs from the primal objective {R(v)}")
    paper = data.obj("paper", default=None)
    pv = paper and (paper.text("relation", ("=", ">=")), _num(ctx, paper, "value"))
    holds = pv and (sign * v == pv[1] or (pv[0] == ">=" and sign * v > pv[1]))
    return Decision(*against_paper(f"{st} = {R(sign * v)}{where}", holds, pv and f"{otext} {pv[0]} {R(pv[1])}"))


def _feasible(ctx, data, lp, th, st, lptext, sign, where, otext):
    L.primal(lp, _sparse(ctx, data, "primal", lp.ncols), _at(ctx, th))
    return Decision(f"{lptext} is feasible{where}", "verified")


def _infeasible(ctx, data, lp, th, st, lptext, sign, where, otext):
    a, b = L.dual(lp, _sparse(ctx, data, "farkas", len(lp.rows)), farkas=True)
    dom, tail = ctx.domains.get(th), ""
    if dom is None:
        ok = a + b * _at(ctx, th) > 0
    else:
        ok = all(a + b * e > 0 or (a + b * e == 0 and not c) for e, c in ((dom.lo, dom.lo_closed), (dom.hi, dom.hi_closed)))
        tail = f" (Farkas: rhs.y = {_aff(a, b, th)} > 0 exactly for {th} {'><'[b < 0]} {R(-a / b)})" if b else ""
    if not ok:
        raise ctx.fail("data.farkas", "rhs.y is not positive for every parameter value")
    return Decision(f"{lptext} is infeasible{where}{tail}", "verified")


def _pieces_text(pieces, th) -> str:
    return "; ".join(f"{_aff(c0, c1, th)} on [{R(a)}, {R(b)}]" for a, b, c0, c1 in pieces)


def _against(ctx, data, st, pieces, th, lo, hi) -> Decision:
    """Compare with the paper's pieces [[to, c0, c1], ...] (both affine between consecutive cuts)."""
    raw = data.get("paper", list, default=None)
    if raw is None:
        return Decision(st, "verified")
    pp, prev = [], lo
    for e in raw:
        if not (isinstance(e, list) and len(e) == 3):
            raise ctx.fail("data.paper", "pieces [to, c0, c1] from the lower end")
        to, c0, c1 = (_num(ctx, data, "paper", raw=x) for x in e)
        if not prev < to <= hi:
            raise ctx.fail("data.paper", "piece ends must increase up to the upper end")
        pp, prev = pp + [(prev, to, c0, c1)], to
    if prev != hi:
        raise ctx.fail("data.paper", f"pieces must end at {R(hi)}")
    cuts = sorted({e for x in pieces + pp for e in x[:2]})
    val = lambda ps, t, u, w: next(c0 + c1 * t for a, b, c0, c1 in ps if a <= u and w <= b)  # noqa: E731
    same = all(val(pieces, t, u, w) == val(pp, t, u, w) for u, w in zip(cuts, cuts[1:]) for t in (u, w))
    return Decision(*against_paper(st, same, _pieces_text(pp, th)))


def _ends(ctx, data, th):
    """(domain, [piece ends]) of ``data.pieces`` (each piece an object with "to")."""
    if th not in ctx.domains:
        raise ctx.fail("parameters", "this claim needs a domain")
    dom, ends = ctx.domains[th], [ctx.domains[th].lo]
    for k, pc in enumerate(data.list("pieces")):
        ends.append(_num(ctx, data, "pieces", raw=pc.get("to") if isinstance(pc, dict) else None))
        if not ends[-2] < ends[-1]:
            raise ctx.fail(f"data.pieces[{k}]", "piece ends must increase")
    if ends[-1] != dom.hi:
        raise ctx.fail("data.pieces", f"pieces must end at {R(dom.hi)}")
    return dom, ends


def _piecewise(ctx, data, lp, th, st, lptext, sign, where, otext):
    """V(θ) is convex (rhs affine in θ): a θ-independent dual per piece bounds it below everywhere; the
    primal points at the piece ends, mixed, bound it above on each piece."""
    dom, ends = _ends(ctx, data, th)
    pieces = []
    for k, pc in enumerate(data.get("pieces")):
        if set(pc) != {"to", "dual"}:
            raise ctx.fail(f"data.pieces[{k}]", "a piece is {to, dual}")
        pieces.append((ends[k], ends[k + 1], *L.dual(lp, _sparse(ctx, data, "pieces", len(lp.rows), raw=pc["dual"]))))
    for k, (t, x) in enumerate(zip(ends, data.list("points", len(ends)))):
        v = L.primal(lp, _sparse(ctx, data, "points", lp.ncols, raw=x), t)
        if any(a <= t <= b and c0 + c1 * t != v for a, b, c0, c1 in pieces):
            raise ctx.fail(f"data.points[{k}]", f"objective {R(v)} at {th} = {R(t)} is not the dual bound")
    pieces = [(a, b, sign * c0, sign * c1) for a, b, c0, c1 in pieces]
    return _against(ctx, data, f"{st} = {_pieces_text(pieces, th)}{where}", pieces, th, dom.lo, dom.hi)


def _nu_family(ctx, data, th, st, where, model, measure, md, obs):
    """min over ν of LP(ν, θ), ν in the matrix (eq. (53) with q^a = f(ν) imposed); ν ranges over {f >= 0}
    (elsewhere a marginal row has a negative right-hand side). Upper bound: primals of L(ν*) at the piece
    ends; lower bound: y(ν) = N/D dual feasible for every ν, with (P0 + θ P1) - g D >= 0 there (Sturm)."""
    prof = measure["pairs"]
    lo = max([-a / b for a, b in prof if b > 0], default=None)
    hi = min([-a / b for a, b in prof if b < 0], default=None)
    if lo is None or hi is None or not lo < hi or any(b == 0 and a < 0 for a, b in prof):
        raise ctx.fail("data.objective.profile", "the admissible nu set (profile >= 0) must be a bounded interval")
    at = lambda nu: L.build(model, md, obs, {**measure, "profile": [a + b * nu for a, b in prof]}, 1)[0]  # noqa: E731
    lp0, lp1 = at(F(0)), at(F(1))
    dom, ends = _ends(ctx, data, th)
    pieces, bounds = [], []
    for k, pc in enumerate(data.get("pieces")):
        w, (t0, t1) = f"data.pieces[{k}]", ends[k:k + 2]
        if not {"to", "nu", "primals"} <= set(pc) <= {"to", "nu", "primals", "dual"} or not (
                isinstance(pc["primals"], list) and len(pc["primals"]) == 2):
            raise ctx.fail(w, "a piece is {to, nu, primals: [at the lower end, at the upper end], dual?}")
        nu = _num(ctx, data, "pieces", raw=pc["nu"])
        if not lo <= nu <= hi:
            raise ctx.fail(w, "nu lies outside the admissible range")
        g = [L.primal(lpn := at(nu), _sparse(ctx, data, "pieces", lpn.ncols, raw=x), t) for x, t in zip(pc["primals"], (t0, t1))]
        g1 = (g[1] - g[0]) / (t1 - t0)
        g0 = g[0] - g1 * t0
        if "dual" not in pc:  # the zero dual: every cost >= 0, so LP >= 0
            if any(c < 0 for c in lp0.c.values()) or max(g) > 0:
                raise ctx.fail(w, "without a dual the bound is LP >= 0, which needs g <= 0 on the piece")
        else:
            dd = pc["dual"]
            if not isinstance(dd, dict) or set(dd) != {"denominator", "entries"} or not isinstance(dd["entries"], list):
                raise ctx.fail(f"{w}.dual", "a dual is {denominator, entries: [[row, polynomial], ...]}")
            poly = lambda r: upoly.trim([_num(ctx, data, "pieces", raw=c) for c in (r if isinstance(r, list) else [None])])  # noqa: E731
            N = {}
            for e in dd["entries"]:
                if not (isinstance(e, list) and len(e) == 2 and type(e[0]) is int and 0 <= e[0] < len(lp0.rows)) or e[0] in N:
                    raise ctx.fail(f"{w}.dual.entries", "entries [new row index, polynomial]")
                N[e[0]] = poly(e[1])
            D = poly(dd["denominator"])
            P0, P1 = L.poly_dual(lp0, lp1, D, N, lo, hi)
            bounds.append((t0, t1, P0, P1, D))
            for t in (t0, t1):
                gap = upoly.add(upoly.add(P0, upoly.scale(P1, t)), upoly.scale(D, -(g0 + g1 * t)))
                if not upoly.nonnegative_on(gap, lo, hi)[0]:
                    raise ctx.fail(f"{w}.dual", f"the dual bound is below the primal value at {th} = {R(t)}")
        pieces.append((t0, t1, g0, g1))
    st = st.replace("NU", f"[{R(lo)}, {R(hi)}]", 1) + f" = {_pieces_text(pieces, th)}{where}" + "".join(
        f"; for every nu in [{R(lo)}, {R(hi)}] and {th} in {dom.text()} the LP is >= ({_ptext(P0)}) + "
        + (_aff(0, P1[0], th) if len(P1) == 1 else f"{th} ({_ptext(P1)})") + ("" if D == [1] else f" / ({_ptext(D)})")
        for a, b, P0, P1, D in bounds)
    if data.has("curves"):
        st += _curves(ctx, data, th, model, md, obs, prof, lp0, lp1, bounds, lo, hi)
    return _against(ctx, data, st, pieces, th, dom.lo, dom.hi)


def _ptext(p, x="nu") -> str:
    """A polynomial (coefficients lowest degree first) as text: "9/8 - 8 nu + 16 nu^2"."""
    out = ""
    for k, c in enumerate(p):
        if c:
            m = "" if k == 0 else x if k == 1 else f"{x}^{k}"
            t = " ".join(v for v in (R(abs(c)) if abs(c) != 1 or not m else "", m) if v)
            out += (" - " if c < 0 else " + ") + t if out else ("-" if c < 0 else "") + t
    return out or "0"


def _curves(ctx, data, th, model, md, obs, prof, lp0, lp1, bounds, lo, hi) -> str:
    """The exact curve nu -> LP(nu, θ0) at listed θ0 (Fig. 4): two duals of min / max of the weight of
    Alice's table 00 (= f_0(nu) = nu) bound the feasible nu to [a, b]; a primal q(nu), polynomial in nu,
    is feasible on [a, b] (Sturm) and its objective is the piece's dual bound (P0 + θ0 P1)/D there."""
    if prof[0] != (0, 1):
        raise ctx.fail("data.objective.profile", "curves need f_0(nu) = nu")
    out = []
    for k, cv in enumerate(data.list("curves")):
        w = f"data.curves[{k}]"
        if not isinstance(cv, dict) or set(cv) != {"at", "range", "primal"} or not isinstance(cv["range"], list) \
                or len(cv["range"]) != 2 or not isinstance(cv["primal"], list):
            raise ctx.fail(w, "a curve is {at, range: [dual of min, dual of max], primal: [[column, polynomial], ...]}")
        t = _num(ctx, data, "curves", raw=cv["at"])
        P0, P1, D = next(((P0, P1, D) for a, b, P0, P1, D in bounds if a <= t <= b), (None,) * 3)
        if D is None or not ctx.domains[th].contains(t, excluded=False):
            raise ctx.fail(w, "the piece holding this value has no dual bound")
        ab = []
        for sgn, y in zip((1, -1), cv["range"]):
            lpw = L.build(model, md, obs, {"measure": "table-weight", "node": model.outputs[0], "table": [0] * len(
                model.configs[model.outputs[0]])}, sgn)[0]
            a0, a1 = L.dual(lpw, _sparse(ctx, data, "curves", len(lpw.rows), raw=y))
            ab.append(sgn * (a0 + a1 * t))
        a, b = ab
        if not lo <= a < b <= hi:
            raise ctx.fail(w, f"the range [{R(a)}, {R(b)}] is not inside the nu range")
        q, aff = {}, lambda u, v: upoly.trim([F(u), F(v) - F(u)])  # noqa: E731
        for e in cv["primal"]:
            if not (isinstance(e, list) and len(e) == 2 and type(e[0]) is int and 0 <= e[0] < lp0.ncols) or e[0] in q:
                raise ctx.fail(f"{w}.primal", "entries [new column, polynomial]")
            q[e[0]] = upoly.trim([_num(ctx, data, "curves", raw=c) for c in (e[1] if isinstance(e[1], list) else [None])])
            if not upoly.nonnegative_on(q[e[0]], a, b)[0]:
                raise ctx.fail(f"{w}.primal", f"column {e[0]} is negative somewhere on [{R(a)}, {R(b)}]")
        for i, (r0, r1) in enumerate(zip(lp0.rows, lp1.rows)):
            res = upoly.scale(upoly.add(aff(lp0.r0[i], lp1.r0[i]), [lp0.r1[i] * t]), -1)
            for j in set(r0) | set(r1):
                res = upoly.add(res, upoly.mul(aff(r0.get(j, 0), r1.get(j, 0)), q.get(j, [])))
            if upoly.trim(res) if lp0.senses[i] == "=" else not upoly.nonnegative_on(res, a, b)[0]:
                raise ctx.fail(f"{w}.primal", f"row {i} fails somewhere on [{R(a)}, {R(b)}]")
        obj = []
        for j, p in q.items():
            obj = upoly.add(obj, upoly.scale(p, lp0.c.get(j, 0)))
        num = upoly.add(P0, upoly.scale(P1, t))
        if upoly.mul(obj, D) != upoly.trim(num):
            raise ctx.fail(f"{w}.primal", "its objective is not the dual bound")
        den = "" if upoly.trim(D) == [1] else f" / ({_ptext(D)})"
        out.append(f"at {th} = {R(t)}: infeasible for nu outside [{R(a)}, {R(b)}] and = {_ptext(num)}{den} on it")
    return "; exact curves " + "; ".join(out)


def _universal(ctx, data, model, measure, st, sign):
    """min(p) = factor max[0, CHSH_1..8(p)] (eq. (8) variants). Each dual z gives min(p) >= z.p for every p;
    z.p = factor CHSH_i(p) at the 24 NS vertices, whose affine hull is the whole normalised no-signalling
    subspace (rank check), so everywhere on it. Primals at the vertices give equality, by convexity, on the
    local polytope and on each conv(PR_i, local vertices with CHSH_i = 0); that these cover NS is not decided."""
    if [model.card[v] for v in model.inputs + model.outputs] != [2] * 4 or sign != 1 or measure["measure"] == "M":
        raise ctx.fail("data.model", "universal covers min over a causal LP of the CHSH scenario")
    variants = [(r, s, t) for r in range(2) for s in range(2) for t in range(2)]
    lhv = L.named_model("lhv")
    verts = [[F(int(o == col[c])) for c in range(4) for o in range(4)] for col in lhv.columns()]
    verts += [L.pr_box(*v) for v in variants]
    ns = [[r.get(k, 0) for k in range(16)] + [0] for r in L.ns_rows(lhv)] + [[1] * 4 + [0] * 12 + [1]]
    if rank([v + [1] for v in verts]) + rank(ns) != 17 or any(
            sum(a * b for a, b in zip(r, v)) != r[16] for r in ns for v in verts):
        raise ctx.fail("data", "the vertices do not span the no-signalling subspace")
    factor = _num(ctx, data, "factor")
    lp, _ = L.build(model, False, ("full", [F(0)] * 16, [F(0)] * 16), measure, 1)
    if any(c < 0 for c in lp.c.values()):
        raise ctx.fail("data.objective", "objective coefficients must be >= 0")
    duals, prims = data.list("duals", 8), data.list("primals", 24)
    for i, v in enumerate(variants):
        L.dual(lp, y := _sparse(ctx, data, "duals", len(lp.rows), raw=duals[i]))
        rest = sum((lp.r0[k] * y.get(k, 0) for k in range(16, len(lp.rows))), F(0))
        if any(sum((y.get(k, 0) * p[k] for k in range(16)), rest) != factor * L.evaluate(L.chsh(*v), p) for p in verts):
            raise ctx.fail(f"data.duals[{i}]", f"z.p differs from {R(factor)} CHSH{v} on the NS vertices")
    for k, p in enumerate(verts):
        lp.r0[:16] = p
        if L.primal(lp, _sparse(ctx, data, "primals", lp.ncols, raw=prims[k]), 0) != factor * max(
                [F(0)] + [L.evaluate(L.chsh(*w), p) for w in variants]):
            raise ctx.fail(f"data.primals[{k}]", "objective differs from factor max[0, CHSH_i] at the vertex")
    f = f"{R(factor)} max[0, CHSH_1..8(p)]"
    st += (f" with p imposed: = {f} for p in the local polytope and in each of the 8 simplices conv(PR_i, local "
           f"vertices with CHSH_i = 0); >= {f} for every normalised no-signalling p")
    pv = _num(ctx, data, "paper") if data.has("paper") else None
    return Decision(*against_paper(st, pv == factor, None if pv is None else f"factor {R(pv)}"))


_CLAIMS = {"optimum": _optimum, "feasible": _feasible, "infeasible": _infeasible, "piecewise": _piecewise}
