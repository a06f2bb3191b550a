"""Kind ``lp-universal``: a closed form min(p) = factor · max[0, CHSH_1(p), …, CHSH_8(p)] for a
CHSH-scenario relaxation LP with the full distribution imposed (T q = p), for every
no-signalling p covered below.

data:
  problem      the LP template (exactbell.relaxations.lps, constraints kind "full" *without* "p");
               the checker inserts p itself. Objective coefficients must be >= 0 (so min >= 0).
  factor       the proven factor (1 for C_{X->B} and p(m=0); 2 for C_{A->B} with definition (4))
  claimed_factor  the paper's factor: verified iff equal to ``factor``; refuted otherwise
               (counterexample {"vertex", "claimed", "optimum"} at a PR box).
  dual_points  [{"variant": [r,s,t], "dual", "tight"}, …] one per CHSH variant: dual feasible
               (the dual region does not depend on p), and its objective z·p equals
               factor·CHSH_(r,s,t)(p) at all 24 vertices of the NS polytope, hence on its affine hull.
               ⇒ min(p) >= factor·max[0, CHSH_i(p)] for every NS p (lower bound, everywhere).
  vertices     [{"vertex": "local/k" | "pr/rst", "primal", "value"}, …] all 24 NS vertices (16
               deterministic local points in LHV λ order, 8 PR boxes), each with an exact model whose
               objective equals factor·max[0, CHSH_i]. For each variant i the 8 local vertices with
               CHSH_i = 0 and PR_i are affinely independent (a simplex); by convexity the upper bound holds
               on each simplex and on the local polytope.
Proven: equality on the local polytope and on the 8 simplices conv(PR_i, facet_i). That these cover
the NS polytope is the known decomposition of the CHSH NS polytope (Fine 1982; Barrett et al.
2005), which is cited, not re-proved here.
"""
from __future__ import annotations

from fractions import Fraction

from ...kernel.linalg import rank
from ...kernel.numbers import format_rational, to_rational
from ...lp import exact
from ...lp.certificate import read_sparse, verify_dual
from ...relaxations import functionals as fn
from ...relaxations.lps import build
from ...relaxations.models import named_model
from . import Outcome, checker


def ns_vertices() -> dict:
    lhv = named_model("lhv")
    out = {}
    for k, col in enumerate(lhv.observation_columns()):
        p = [Fraction(0)] * 16
        for c, o in enumerate(col):
            p[c * 4 + o] = Fraction(1)
        out[f"local/{k}"] = p
    for r, s, t in fn.CHSH_VARIANTS:
        out[f"pr/{r}{s}{t}"] = fn.pr_box(r, s, t)
    return out


@checker("lp-universal")
def decide(cert, reader) -> Outcome:
    tmpl = reader.get("data.problem", dict)
    cons = tmpl.get("constraints")
    if not isinstance(cons, dict) or cons.get("kind") != "full" or "p" in cons:
        raise reader.fail("data.problem.constraints", 'must be {"kind": "full"} without "p" (the checker inserts p)')
    verts = ns_vertices()
    with reader.context("data.problem"):
        problem = {**tmpl, "constraints": {**cons, "p": ["1/4"] * 16}}
        lp, info = build(problem)
        model = info["model"]
        if len(model.contexts) != 4 or len(model.outcomes) != 4:
            raise ValueError("lp-universal covers the CHSH scenario (2 inputs, 2 outputs each)")
    if any(v < 0 for v in lp.objective.values()):
        raise reader.fail("data.problem.objective", "objective coefficients must be nonnegative")
    factor = reader.rational("data.factor")
    claimed = reader.rational("data.claimed_factor")
    chsh = {v: fn.chsh_variant(*v) for v in fn.CHSH_VARIANTS}

    def at(p):  # set the observation right-hand sides to p
        lp.rhs0[:16] = p

    # lower bound: one dual point per variant
    dps = reader.get("data.dual_points", list)
    got = []
    for k, dp in enumerate(dps):
        w = f"data.dual_points.{k}"
        var = dp.get("variant") if isinstance(dp, dict) else None
        if not (isinstance(var, list) and tuple(var) in chsh):
            raise reader.fail(f"{w}.variant", "must be [r, s, t] with entries 0/1")
        y = verify_dual(reader, lp, f"{w}.dual", f"{w}.tight", raw=dp.get("dual"), tight_raw=dp.get("tight"))
        for name, p in verts.items():
            at(p)
            if exact.dual_value(lp, y) != factor * fn.evaluate(chsh[tuple(var)], p):
                raise reader.fail(f"{w}.dual", f"z·p differs from {factor}·CHSH{var} at NS vertex {name}")
        got.append(tuple(var))
    if sorted(got) != sorted(chsh):
        raise reader.fail("data.dual_points", "need exactly one dual point per CHSH variant (8)")
    # upper bound at the vertices
    vs = reader.get("data.vertices", list)
    seen = set()
    for k, item in enumerate(vs):
        w = f"data.vertices.{k}"
        name = item.get("vertex") if isinstance(item, dict) else None
        if name not in verts or name in seen:
            raise reader.fail(f"{w}.vertex", f"unknown or repeated NS vertex {name!r}")
        seen.add(name)
        p = verts[name]
        at(p)
        x = read_sparse(reader, f"{w}.primal", lp.ncols, item.get("primal"))
        why = exact.primal_violation(lp, x) or exact.canonical_primal(lp, x)
        if why:
            raise reader.fail(f"{w}.primal", why)
        val = reader.rational(f"{w}.value", item.get("value"))
        if exact.objective_value(lp, x) != val:
            raise reader.fail(f"{w}.primal", f"objective {exact.objective_value(lp, x)} differs from value {val}")
        want = factor * max([Fraction(0)] + [fn.evaluate(f, p) for f in chsh.values()])
        if val != want:
            raise reader.fail(f"{w}.value", f"value {val} is not {factor}·max[0, CHSH] = {want} at {name}")
    if seen != set(verts):
        raise reader.fail("data.vertices", "all 24 NS vertices need an exact model")
    for var, f in chsh.items():
        pts = [verts[f"pr/{var[0]}{var[1]}{var[2]}"]] + [p for n, p in verts.items()
                                                        if n.startswith("local/") and fn.evaluate(f, p) == 0]
        if len(pts) != 9 or rank([list(p) + [1] for p in pts]) != 9:
            raise reader.fail("data.vertices", f"PR{var} and its facet do not form a simplex")
    detail = (f"min = {format_rational(factor)}·max[0, CHSH_i] proven exactly on the local polytope and the 8 "
              "PR simplices (lower bound for every NS p; NS = local ∪ simplices cited)")
    if factor == claimed:
        return Outcome("verified", detail)
    if cert.verdict == "refuted":
        ce = reader.get("expected.counterexample", dict)
        with reader.context("expected.counterexample"):
            p = verts.get(ce.get("vertex"))
            if p is None:
                raise ValueError("counterexample.vertex must name an NS vertex")
            best = max([Fraction(0)] + [fn.evaluate(f, p) for f in chsh.values()])
            if best == 0 or to_rational(ce.get("claimed")) != claimed * best or \
                    to_rational(ce.get("optimum")) != factor * best:
                raise ValueError("counterexample must state the claimed and proven values at a violating vertex")
    return Outcome("refuted", detail + f"; the claimed factor is {format_rational(claimed)}")
