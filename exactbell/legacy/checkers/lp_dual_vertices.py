"""Kind ``lp-dual-vertices``: Table I — extremal points of the (gauge-fixed) dual region of the
CHSH X→B LP (Corollary 8), D = {z : z_g = 0 (g in gauge), ∃x ≥ 0, Σx ≤ 1, Tᵀz ≤ Cᵀx}.

data:
  problem   LP template (exactbell.relaxations.lps; constraints {"kind": "full"} without p): its dual
            constraints give T and C
  gauge     observed indices fixed to 0
  rows      the printed rows [{"z": 16 rationals, "x": sparse C-row weights}, …] (row k ↔ Table row k+1)
  vertices  [{"row": k, "cost": c, "mu": sparse multipliers on the lifted constraints}, …]: vertex proofs. Lifted
            constraints, in order: for each λ, (Cᵀx − Tᵀz)_λ >= 0; x_i >= 0; 1 − Σx >= 0. With μ >= 0,
            c := −(z-part of Σ μ_k a_k), x-part of Σ μ_k a_k = 0 and Σ μ_k b_k = −c·z_row, every point of D has
            c·z <= c·z_row; the constraints with μ_k > 0 plus the gauge force z = z_row (rank test), so z_row
            is the unique maximiser: a vertex.
  not_vertex  [{"row": k, "midpoint_of": [i, j]}]: row k is the midpoint of two distinct feasible rows.
  ns_functionals  {"row": [r,s,t]} for rows equal to CHSH variants on the NS polytope; rows listed in
            ns_zero vanish on it (both checked at all 24 NS vertices).
Verdict: the paper's claim "13 extremal points" is verified iff every row is a vertex; a row shown
not to be a vertex refutes it (counterexample {"row", "midpoint_of"}).
"""
from __future__ import annotations

from fractions import Fraction

import flint

from ...kernel.numbers import to_rational
from ...lp.certificate import read_sparse
from ...relaxations import functionals as fn
from ...relaxations.lps import build
from . import Outcome, checker
from ...relaxations.models import named_model


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


def _fq(v):
    v = Fraction(v)
    return flint.fmpq(v.numerator, v.denominator)


def _rank(rows, ncols):
    if not rows:
        return 0
    return flint.fmpq_mat(len(rows), ncols, [_fq(v) for r in rows for v in r]).rank()


@checker("lp-dual-vertices")
def decide(cert, reader) -> Outcome:
    tmpl = reader.get("data.problem", dict)
    cons = tmpl.get("constraints")
    if not isinstance(cons, dict) or cons.get("kind") != "full" or "p" in cons:
        raise reader.fail("data.problem.constraints", 'must be {"kind": "full"} without "p"')
    with reader.context("data.problem"):
        lp, info = build({**tmpl, "constraints": {**cons, "p": ["1/4"] * 16}})
        if tmpl.get("objective", {}).get("measure") != "influence" or info["model"].size != 16:
            raise ValueError("Table I covers the CHSH influence LP")
    n = info["n"]
    nobs = 16
    crow = list(range(nobs, lp.nrows))  # C rows follow the 16 observation rows
    ncr = len(crow)
    gauge = reader.get("data.gauge", list)
    if any(not isinstance(g, int) or isinstance(g, bool) or not 0 <= g < nobs for g in gauge) or \
            len(set(gauge)) != len(gauge):
        raise reader.fail("data.gauge", "must list distinct observed indices")
    # T^T and C^T per lambda column, from the LP rows
    T = [[0] * n for _ in range(nobs)]
    Cm = [[0] * n for _ in range(ncr)]
    for i in range(nobs):
        for j, a in lp.rows[i].items():
            T[i][j] = a
    for k, i in enumerate(crow):
        for j, a in lp.rows[i].items():
            if j < n:
                Cm[k][j] = -a
    rows_raw = reader.get("data.rows", list)
    Z, X = [], []
    for k, r in enumerate(rows_raw):
        w = f"data.rows.{k}"
        with reader.context(f"{w}.z"):
            z = [to_rational(v) for v in r["z"]]
            if len(z) != nobs:
                raise ValueError(f"needs {nobs} entries")
        x = read_sparse(reader, f"{w}.x", ncr, r.get("x"))
        if any(z[g] != 0 for g in gauge):
            raise reader.fail(f"{w}.z", "violates the gauge")
        if any(v < 0 for v in x.values()) or sum(x.values()) > 1:
            raise reader.fail(f"{w}.x", "weights must be >= 0 with sum <= 1")
        if any(Cm[j] == Cm[i] for i in x for j in range(i)):
            raise reader.fail(f"{w}.x", "use the first of identical C rows (canonical weights)")
        for lam in range(n):
            tz = sum(T[i][lam] * z[i] for i in range(nobs))
            cx = sum(Cm[i][lam] * v for i, v in x.items())
            if tz > cx:
                raise reader.fail(w, f"not dual feasible at lambda {lam}: (T^T z) = {tz} > (C^T x) = {cx}")
        Z.append(z)
        X.append(x)
    # lifted constraint matrix over (z, x): a_k·(z,x) >= b_k
    A, b = [], []
    for lam in range(n):
        A.append([-T[i][lam] for i in range(nobs)] + [Cm[i][lam] for i in range(ncr)])
        b.append(Fraction(0))
    for i in range(ncr):
        A.append([0] * nobs + [1 if k == i else 0 for k in range(ncr)])
        b.append(Fraction(0))
    A.append([0] * nobs + [-1] * ncr)
    b.append(Fraction(-1))
    G = [[1 if i == g else 0 for i in range(nobs)] + [0] * ncr for g in gauge]
    proven = set()
    for k, item in enumerate(reader.get("data.vertices", list)):
        w = f"data.vertices.{k}"
        row = item.get("row") if isinstance(item, dict) else None
        if not isinstance(row, int) or not 0 <= row < len(Z) or row in proven:
            raise reader.fail(f"{w}.row", "must be a new row index")
        mu = read_sparse(reader, f"{w}.mu", len(A), item.get("mu"))
        if any(v < 0 for v in mu.values()):
            raise reader.fail(f"{w}.mu", "multipliers must be >= 0")
        comb = [sum((mu[m] * A[m][c] for m in mu), Fraction(0)) for c in range(nobs + ncr)]
        if any(comb[nobs + i] != 0 for i in range(ncr)):
            raise reader.fail(f"{w}.mu", "x-part of the combination is not zero")
        c = [-v for v in comb[:nobs]]
        with reader.context(f"{w}.cost"):
            stated = [to_rational(v) for v in item.get("cost", [])]
        if stated != c:
            raise reader.fail(f"{w}.cost", "differs from -(z-part of the multiplier combination)")
        if sum(mu[m] * b[m] for m in mu) != -sum(ci * zi for ci, zi in zip(c, Z[row])):
            raise reader.fail(f"{w}.mu", "does not certify c·z <= c·z_row")
        K = [A[m] for m in mu] + G
        if _rank(K, nobs + ncr) != nobs + _rank([r[nobs:] for r in K], ncr):
            raise reader.fail(f"{w}.mu", "the tight system does not force z = z_row: no vertex proof")
        proven.add(row)
    refuted = None
    for k, item in enumerate(reader.get("data.not_vertex", list)):
        w = f"data.not_vertex.{k}"
        row, pair = item.get("row"), item.get("midpoint_of")
        if not (isinstance(row, int) and isinstance(pair, list) and len(pair) == 2 and
                all(isinstance(p, int) and 0 <= p < len(Z) for p in pair + [row])):
            raise reader.fail(w, "needs a row and two row indices")
        i, j = pair
        if Z[i] == Z[j] or any(2 * Z[row][c] != Z[i][c] + Z[j][c] for c in range(nobs)):
            raise reader.fail(w, "row is not the midpoint of two distinct feasible rows")
        refuted = {"row": row, "midpoint_of": pair}
    verts = ns_vertices()
    funcs = reader.get("data.ns_functionals", dict)
    for key, var in funcs.items():
        with reader.context(f"data.ns_functionals.{key}"):
            row = int(key)
            f = fn.chsh_variant(*var)
            for name, p in verts.items():
                if sum(zi * pi for zi, pi in zip(Z[row], p)) != fn.evaluate(f, p):
                    raise ValueError(f"row differs from CHSH{var} at NS vertex {name}")
    zero_rows = reader.get("data.ns_zero", list)
    keys = []
    for key in funcs:
        if not key.isdigit():
            raise reader.fail("data.ns_functionals", "keys must be row indices")
        keys.append(int(key))
    if sorted(keys + zero_rows) != sorted(set(keys + zero_rows)) or \
            any(not isinstance(r, int) or not 0 <= r < len(Z) for r in zero_rows):
        raise reader.fail("data.ns_zero", "rows must be distinct, valid and disjoint from ns_functionals")
    for k, row in enumerate(zero_rows):
        for name, p in verts.items():
            if sum(zi * pi for zi, pi in zip(Z[row], p)) != 0:
                raise reader.fail(f"data.ns_zero.{k}", f"row {row} does not vanish at NS vertex {name}")
    detail = (f"{len(Z)} rows dual feasible; rows {sorted(r + 1 for r in proven)} proven vertices; "
              f"{len(funcs)} rows = CHSH variants on NS, {len(reader.get('data.ns_zero', list))} rows vanish on NS")
    if refuted is None and len(proven) == len(Z):
        return Outcome("verified", detail)
    if refuted is None:
        raise reader.fail("data.vertices", "not every row has a vertex proof and none is shown not to be a vertex")
    if cert.verdict == "refuted" and reader.get("expected.counterexample", dict) != refuted:
        raise reader.fail("expected.counterexample", f"must be {refuted}")
    return Outcome("refuted", detail + f"; Table row {refuted['row'] + 1} is not extremal (midpoint of rows "
                   f"{refuted['midpoint_of'][0] + 1} and {refuted['midpoint_of'][1] + 1})")
