"""Kinds ``lp-optimum``, ``lp-feasible`` and ``lp-infeasible``: exact LP certificates for the
causal-relaxation programs of Chaves–Kueng–Brask–Gross (the LP is rebuilt from ``data.problem``).

lp-optimum data:
  problem     the LP (see :mod:`exactbell.relaxations.lps`); ``t`` its parameter value (default 0)
  optimum     the exact optimum; ``primal`` a feasible point with that objective; ``dual`` a dual-feasible
              point with the same objective; ``tight`` the complete set of tight dual columns
  claimed     the paper's value for this instance (for objectives with sense "max" the reported value is
              −optimum); ``relation`` "=" (default) or ">=" (the claim is optimum >= claimed).
              Verdict: verified iff the relation holds for the proven optimum, refuted otherwise
              (``expected.counterexample`` must state {"claimed", "optimum"} exactly).
lp-feasible data: problem, t, primal (objective-free feasibility), claim "feasible".
lp-infeasible data: problem, t, farkas (y: homogeneous dual feasible), farkas_value (rhs·y > 0),
  tight (its complete tight set); claim "infeasible"; optional infeasible_above t0: the same y proves
  infeasibility for every t > t0 (rhs(t)·y = b (t − t0), b > 0).
"""
from __future__ import annotations

from fractions import Fraction

from ...kernel.numbers import format_rational, to_rational
from ...lp import exact
from ...lp.certificate import build_lp, read_sparse, verify_dual, verify_primal
from . import Outcome, checker


def _t(reader):
    return reader.rational("data.t") if "t" in reader.cert.data else Fraction(0)


def _sign(reader) -> int:
    obj = reader.get("data.problem.objective", dict)
    return -1 if obj.get("sense") == "max" else 1


@checker("lp-optimum")
def decide_optimum(cert, reader) -> Outcome:
    lp, _ = build_lp(reader)
    t = _t(reader)
    opt = reader.rational("data.optimum")
    verify_primal(reader, lp, "data.primal", t, opt)
    y = verify_dual(reader, lp, "data.dual", "data.tight")
    dv = exact.dual_value(lp, y, t)
    if dv != opt:
        raise reader.fail("data.dual", f"dual objective is {dv}, certificate states optimum {opt}")
    value = _sign(reader) * opt
    claimed = reader.rational("data.claimed")
    relation = reader.get("data.relation", str, default="=")
    if relation not in ("=", ">="):
        raise reader.fail("data.relation", 'must be "=" (optimum equals claimed) or ">=" (optimum at least claimed)')
    detail = f"LP optimum proven exactly: {format_rational(value)} (primal = dual, {lp.ncols} columns, {lp.nrows} rows)"
    if value == claimed or (relation == ">=" and value > claimed):
        return Outcome("verified", detail + f"; claim (optimum {relation} {format_rational(claimed)}) holds")
    if cert.verdict == "refuted":
        ce = reader.get("expected.counterexample", dict)
        with reader.context("expected.counterexample"):
            if to_rational(ce.get("claimed")) != claimed or to_rational(ce.get("optimum")) != value:
                raise ValueError("counterexample must state the claimed value and the proven optimum exactly")
    return Outcome("refuted", detail + f"; the claimed value is {format_rational(claimed)}")


@checker("lp-feasible")
def decide_feasible(cert, reader) -> Outcome:
    lp, _ = build_lp(reader)
    if reader.get("data.claim", str) != "feasible":
        raise reader.fail("data.claim", 'an lp-feasible certificate proves the claim "feasible"')
    verify_primal(reader, lp, "data.primal", _t(reader))
    return Outcome("verified", f"explicit exact model satisfies all {lp.nrows} constraints")


@checker("lp-infeasible")
def decide_infeasible(cert, reader) -> Outcome:
    lp, _ = build_lp(reader)
    if reader.get("data.claim", str) != "infeasible":
        raise reader.fail("data.claim", 'an lp-infeasible certificate proves the claim "infeasible"')
    t = _t(reader)
    y = verify_dual(reader, lp, "data.farkas", "data.tight", homogeneous=True)
    val = exact.dual_value(lp, y, t)
    stated = reader.rational("data.farkas_value")
    if val != stated:
        raise reader.fail("data.farkas_value", f"rhs·y is {val}, not {stated}")
    if val <= 0:
        raise reader.fail("data.farkas", f"rhs·y = {val} is not positive: no Farkas certificate")
    if "infeasible_above" in cert.data:
        # rhs(t)·y = a + b t with b > 0 and a + b t0 = 0: infeasible for every t > t0 (y does not depend on t)
        t0 = reader.rational("data.infeasible_above")
        a, b = exact.dual_value_affine(lp, y)
        if not (b > 0 and a + b * t0 == 0 and t > t0):
            raise reader.fail("data.infeasible_above", f"rhs(t)·y = {a} + {b} t does not vanish at {t0} with slope > 0")
        return Outcome("verified", f"Farkas certificate valid for every t > {t0} (rhs(t)·y = {a} + {b} t)")
    return Outcome("verified", f"Farkas certificate: A^T y <= 0 on all {lp.ncols} columns and rhs·y = {val} > 0")


def read_vector(reader, dotted, length):  # re-export for other lp checkers
    return read_sparse(reader, dotted, length)
