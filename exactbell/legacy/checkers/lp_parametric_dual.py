"""Kind ``lp-parametric-dual``: min over ν of a non-bilocality LP whose Alice marginal is fixed to an
affine profile f(ν) — ν enters the constraint *matrix* — proved for a whole range of a right-hand-side
parameter t (t = v², the squared visibility) at once.

data:
  problem   a bilocal problem (exactbell.relaxations.lps) with objective {"measure": "non-bilocality",
            "fix_marginal": true} and no "nu_profile": it is supplied from ``profile``; the observed
            distribution is p + t p_t.
  profile   [[c0, c1], …]: f_k(ν) = c0 + c1 ν, one per Alice response table.
  nu_range  [lo, hi]: must be exactly the set of ν where every f_k(ν) >= 0. For ν outside it the
            marginal constraint Σ_{λ ∈ k} q_λ = f_k(ν) < 0 is infeasible, so every feasible ν lies in it.
  t_range   ["0", "1"] (the physical range of v²).
  pieces    contiguous, covering t_range: {"from", "to", "value": [g0, g1], "nu_star",
            "primal_from", "primal_to", "dual"?}:
            * upper bound: the two primal points are feasible for L(ν*) at t = from / to with objective
              g(from) / g(to); the rhs is affine in t, so mixing them gives LP(ν*, t) <= g(t) on the piece;
            * lower bound: "dual" = {"denominator": D, "entries": [[row, N_row], …], "tight": [...],
              "objective": {"const": P0, "t": P1}} (polynomials in ν, lowest degree first) is dual feasible
              for every ν in nu_range (exactbell.lp.parametric.check_dual), its objective is
              (P0 + t P1)/D, and (P0 + t P1) − g(t) D >= 0 on nu_range at t = from and t = to is proved by
              the one-parameter prover (exactbell.prover); it is affine in t, so it holds on the piece.
              Without "dual" the zero dual is used (all costs >= 0): LP >= 0, and g <= 0 is required.
            Hence min over ν of LP(ν, t) = g(t) for every t in the piece.
  curves    optional [{"t": t0, "range_min": {"dual", "tight"}, "range_max": {...}, "primal": [[col, poly], …]}]:
            the exact curve ν ↦ LP(ν, t0) (Fig. 4). Requires profile[0] = ν. range_min / range_max are exact
            duals of min / max of the weight of Alice's table 00 (= ν) over the observation rows at t0, so every
            feasible ν lies in [a, b] = [their values]; the primal q(ν) (polynomials) is feasible for every ν in
            [a, b] (Sturm) and its objective is identically the dual objective (P0 + t0 P1)/D of the piece holding
            t0, so LP(ν, t0) equals it on the whole feasible range.
  claimed   [{"from", "to", "value": [c0, c1]}, …] over t_range: verified iff it equals the proven piecewise
            function, else refuted with expected.counterexample {"t", "claimed", "optimum"}.
"""
from __future__ import annotations

import copy
from fractions import Fraction

from ...kernel import upoly
from ...kernel.numbers import format_rational
from ...lp import parametric as par
from ...lp.certificate import read_int_list, verify_primal
from . import Outcome, checker
from .lp_parametric import _pieces, check_counterexample, first_mismatch

F = Fraction


def _pair(reader, where, raw):
    if not isinstance(raw, list) or len(raw) != 2:
        raise reader.fail(where, "must be a pair")
    return reader.rational(where, raw[0]), reader.rational(where, raw[1])


def _poly(reader, where, raw):
    if not isinstance(raw, list) or not raw:
        raise reader.fail(where, "must be a non-empty list of coefficients (lowest degree first)")
    p = [reader.rational(where, c) for c in raw]
    if p[-1] == 0:
        raise reader.fail(where, "leading coefficient must be nonzero")
    return p


class _Family:
    def __init__(self, reader):
        from ...relaxations.lps import build

        self.reader = reader
        prob = reader.get("data.problem", dict)
        obj = prob.get("objective")
        if prob.get("type") != "bilocal" or not isinstance(obj, dict) or obj.get("measure") != "non-bilocality" \
                or obj.get("fix_marginal") is not True or "nu_profile" in obj:
            raise reader.fail("data.problem", 'needs type "bilocal", objective measure "non-bilocality" with '
                                              'fix_marginal true and no nu_profile (it comes from data.profile)')
        raw = reader.get("data.profile", list)
        self.profile = [_pair(reader, f"data.profile.{k}", r) for k, r in enumerate(raw)]
        self.prob = prob
        self._build = build
        self._cache = {}
        with reader.context("data.problem"):
            self.alp = par.AffineLP(self.lp(F(0)), self.lp(F(1)), self.lp(F(2)))
        lo, hi = None, None
        for c0, c1 in self.profile:  # c0 + c1 ν >= 0
            if c1 > 0:
                lo = -c0 / c1 if lo is None else max(lo, -c0 / c1)
            elif c1 < 0:
                hi = -c0 / c1 if hi is None else min(hi, -c0 / c1)
            elif c0 < 0:
                raise reader.fail("data.profile", "a constant negative entry: no nu is admissible")
        if lo is None or hi is None or not lo < hi:
            raise reader.fail("data.profile", "the admissible nu set (profile >= 0) must be a bounded interval")
        self.range = (lo, hi)

    def lp(self, nu):
        if nu not in self._cache:
            p = copy.deepcopy(self.prob)
            p["objective"]["nu_profile"] = [format_rational(c0 + c1 * nu) for c0, c1 in self.profile]
            with self.reader.context("data.problem"):
                self._cache[nu] = self._build(p)[0]
        return self._cache[nu]


def _lower_bound(reader, fam, w, pc, a, b, g0, g1) -> str:
    """Check the piece's dual; returns a description of the proven lower bound."""
    from ...prover import ProverError, Statement, prove, verify

    lo, hi = fam.range
    alp = fam.alp
    if "dual" not in pc:
        if any(alp.cost(j) < 0 for j in range(alp.ncols)) or not all(alp.lp0.nonneg):
            raise reader.fail(w, "the zero dual needs nonnegative costs and columns")
        if g0 + g1 * a > 0 or g0 + g1 * b > 0:
            raise reader.fail(f"{w}.value", "the zero dual proves only LP >= 0, but g > 0 on the piece")
        return "LP >= 0"
    wd = f"{w}.dual"
    dual = pc.get("dual")
    if not isinstance(dual, dict):
        raise reader.fail(wd, "must be an object")
    D = _poly(reader, f"{wd}.denominator", dual.get("denominator"))
    ents = dual.get("entries")
    if not isinstance(ents, list) or not ents:
        raise reader.fail(f"{wd}.entries", "must be a non-empty list of [row, polynomial]")
    N = {}
    for k, e in enumerate(ents):
        we = f"{wd}.entries.{k}"
        if not isinstance(e, list) or len(e) != 2 or not isinstance(e[0], int) or isinstance(e[0], bool) \
                or not 0 <= e[0] < alp.nrows:
            raise reader.fail(we, f"must be [row index 0..{alp.nrows - 1}, polynomial]")
        if e[0] in N:
            raise reader.fail(we, f"duplicate row {e[0]}")
        N[e[0]] = _poly(reader, we, e[1])
    tight = read_int_list(reader, f"{wd}.tight", dual.get("tight"))
    try:
        P0, P1 = par.check_dual(alp, D, N, tight, lo, hi)
    except par.ParametricError as err:
        raise reader.fail(f"{wd}.{err.field}" if err.field else wd, str(err)) from None
    objv = dual.get("objective")
    if not isinstance(objv, dict):
        raise reader.fail(f"{wd}.objective", 'must be {"const": P0, "t": P1}')
    for key, got in (("const", P0), ("t", P1)):
        stated = [reader.rational(f"{wd}.objective.{key}", c) for c in objv.get(key, [])] \
            if isinstance(objv.get(key), list) else None
        if stated is None or upoly.trim(stated) != got or (stated and stated[-1] == 0):
            raise reader.fail(f"{wd}.objective.{key}", f"the dual objective's {key} part is {par.poly_text(got)}")
    for t in (a, b):
        lhs = upoly.add(upoly.add(P0, upoly.scale(P1, t)), upoly.scale(D, -(g0 + g1 * t)))
        try:
            if upoly.degree(lhs) < 1:
                holds = not lhs or lhs[0] >= 0
            else:
                st = Statement.make(par.poly_text(lhs), ">=", "0",
                                    {"nu": f"[{format_rational(lo)}, {format_rational(hi)}]"})
                holds = verify(st, prove(st))[0] == "verified"
        except ProverError as err:
            raise reader.fail(wd, f"prover: {err}") from None
        if not holds:
            raise reader.fail(f"{w}.value", f"dual objective minus g is negative somewhere at t = {t}")
    return f"LP(nu, t) >= ({par.poly_text(P0)} + t*({par.poly_text(P1)}))/({par.poly_text(D)})"


@checker("lp-parametric-dual")
def decide(cert, reader) -> Outcome:
    fam = _Family(reader)
    lo, hi = fam.range
    nr = reader.get("data.nu_range", list)
    if len(nr) != 2 or (reader.rational("data.nu_range", nr[0]), reader.rational("data.nu_range", nr[1])) != (lo, hi):
        raise reader.fail("data.nu_range", f"the admissible nu range (profile >= 0) is [{lo}, {hi}]")
    tr = reader.get("data.t_range", list)
    if len(tr) != 2 or (reader.rational("data.t_range", tr[0]), reader.rational("data.t_range", tr[1])) != (0, 1):
        raise reader.fail("data.t_range", "must be [0, 1] (t = v^2 for visibilities v in [0, 1])")
    if not any(fam.alp.rhs1):
        raise reader.fail("data.problem", "the observed distribution must depend on t (p_t)")
    pieces = _pieces(reader, "data.pieces", F(0), F(1))
    raw = reader.get("data.pieces", list)
    bounds = []
    for k, ((a, b, g0, g1), pc) in enumerate(zip(pieces, raw)):
        w = f"data.pieces.{k}"
        nu_star = reader.rational(f"{w}.nu_star", pc.get("nu_star"))
        if not lo <= nu_star <= hi:
            raise reader.fail(f"{w}.nu_star", "must lie in nu_range")
        lp = fam.lp(nu_star)
        for end, t in (("primal_from", a), ("primal_to", b)):
            verify_primal(reader, lp, f"{w}.{end}", t, g0 + g1 * t, raw=pc.get(end))
        bounds.append(_lower_bound(reader, fam, w, pc, a, b, g0, g1))
    curve_text = ""
    if "curves" in reader.get("data", dict):
        curve_text = _curves(reader, fam, pieces, raw)
    claimed = _pieces(reader, "data.claimed", F(0), F(1))
    bad = first_mismatch(pieces, claimed)
    desc = "; ".join(f"t in [{format_rational(a)}, {format_rational(b)}]: {format_rational(g0)} + "
                     f"{format_rational(g1)} t ({bd})" for (a, b, g0, g1), bd in zip(pieces, bounds))
    detail = f"min over nu in [{format_rational(lo)}, {format_rational(hi)}] of the LP, for every t: {desc}{curve_text}"
    if bad is None:
        return Outcome("verified", detail + "; equals the claimed formula")
    if cert.verdict == "refuted":
        check_counterexample(reader, pieces, claimed, F(0), F(1))
    return Outcome("refuted", detail + f"; differs from the claim at t = {format_rational(bad[0])}")


def _first_identical_columns(alp) -> list:
    sig = [[] for _ in range(alp.ncols)]
    for i, row in enumerate(alp.coeff):
        for j, p in row.items():
            sig[j].append((i, tuple(p)))
    first, rep = {}, []
    for j in range(alp.ncols):
        rep.append(first.setdefault((tuple(sig[j]), alp.cost(j), alp.lp0.nonneg[j]), j))
    return rep


def _curves(reader, fam, pieces, raw_pieces) -> str:
    from ...lp import exact
    from ...lp.certificate import verify_dual

    alp = fam.alp
    if fam.profile[0] != (F(0), F(1)):
        raise reader.fail("data.profile", "curves need profile[0] = nu (Alice's table 00 has weight nu)")
    curves = reader.get("data.curves", list)
    if not curves:
        raise reader.fail("data.curves", "must be a non-empty list")
    rep = _first_identical_columns(alp)
    out = []
    for k, cv in enumerate(curves):
        w = f"data.curves.{k}"
        if not isinstance(cv, dict):
            raise reader.fail(w, "must be an object")
        t0 = reader.rational(f"{w}.t", cv.get("t"))
        if not 0 <= t0 <= 1:
            raise reader.fail(f"{w}.t", "must lie in t_range")
        ends = []
        for key, sense in (("range_min", "min"), ("range_max", "max")):
            blk = cv.get(key)
            if not isinstance(blk, dict):
                raise reader.fail(f"{w}.{key}", 'must be {"dual": [...], "tight": [...]}')
            prob = copy.deepcopy(fam.prob)
            prob["objective"] = {"measure": "table-weight", "node": "a", "table": [0, 0], "sense": sense}
            with reader.context("data.problem"):
                lp = fam._build(prob)[0]
            y = verify_dual(reader, lp, f"{w}.{key}.dual", f"{w}.{key}.tight", raw=blk.get("dual"),
                            tight_raw=blk.get("tight"))
            v = exact.dual_value(lp, y, t0)
            ends.append(v if sense == "min" else -v)
        a, b = ends
        if not a < b:
            raise reader.fail(w, f"the dual range bounds [{a}, {b}] leave no interval")
        ents = cv.get("primal")
        if not isinstance(ents, list) or not ents:
            raise reader.fail(f"{w}.primal", "must be a non-empty list of [column, polynomial]")
        q = {}
        for e_k, e in enumerate(ents):
            we = f"{w}.primal.{e_k}"
            if not isinstance(e, list) or len(e) != 2 or not isinstance(e[0], int) or isinstance(e[0], bool) \
                    or not 0 <= e[0] < alp.ncols or e[0] in q:
                raise reader.fail(we, f"must be [distinct column 0..{alp.ncols - 1}, polynomial]")
            if rep[e[0]] != e[0]:
                raise reader.fail(we, f"column {e[0]} repeats column {rep[e[0]]} (use the first)")
            q[e[0]] = _poly(reader, we, e[1])
            if alp.lp0.nonneg[e[0]]:
                ok, x = upoly.nonnegative_on(q[e[0]], a, b)
                if not ok:
                    raise reader.fail(we, f"negative at nu = {x}")
        for i in range(alp.nrows):
            s = upoly.scale(upoly.add(alp.rhs0[i], [alp.rhs1[i] * t0]), -1)
            for j, p in alp.coeff[i].items():
                if j in q:
                    s = upoly.add(s, upoly.mul(p, q[j]))
            name = alp.lp0.row_names[i]
            if alp.lp0.senses[i] == "=":
                if s:
                    raise reader.fail(f"{w}.primal", f"row {name} does not hold identically: residual {par.poly_text(s)}")
            else:
                ok, x = upoly.nonnegative_on(s, a, b)
                if not ok:
                    raise reader.fail(f"{w}.primal", f"row {name} fails at nu = {x}")
        obj = []
        for j, p in q.items():
            obj = upoly.add(obj, upoly.scale(p, alp.cost(j)))
        piece = next(k2 for k2, (pa, pb, _, _) in enumerate(pieces) if pa <= t0 <= pb)
        dual = raw_pieces[piece].get("dual")
        if not isinstance(dual, dict):
            raise reader.fail(f"{w}.t", "the t-piece holding t has no dual: the curve needs a polynomial lower bound")
        D = [reader.rational("data", c) for c in dual["denominator"]]
        P0 = [reader.rational("data", c) for c in dual["objective"]["const"]]
        P1 = [reader.rational("data", c) for c in dual["objective"]["t"]]
        lower = upoly.add(P0, upoly.scale(P1, t0))
        if upoly.mul(obj, D) != upoly.trim(lower):
            raise reader.fail(f"{w}.primal", f"objective {par.poly_text(obj)} is not the dual bound "
                                             f"({par.poly_text(lower)})/({par.poly_text(D)})")
        out.append(f"t = {format_rational(t0)}: LP(nu) = ({par.poly_text(lower)})/({par.poly_text(D)}) exactly on "
                   f"the feasible range [{format_rational(a)}, {format_rational(b)}]")
    return "; exact curves: " + "; ".join(out)
