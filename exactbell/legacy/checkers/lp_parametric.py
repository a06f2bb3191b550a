"""Kind ``lp-parametric``: the optimum of an LP whose right-hand side is affine in a parameter t
(a Bell value, a visibility …), certified piecewise on an interval.

data:
  problem   the LP (exactbell.relaxations.lps) with rhs = r0 + t r1 (``p_t`` / ``value_t``)
  range     [lo, hi]
  pieces    [{"from", "to", "value": [c0, c1], "dual", "tight"}, …] contiguous and covering [lo, hi];
            each dual point is feasible (independent of t) and its objective is exactly c0 + c1 t,
            so V(t) >= c0 + c1 t for every t.
  points    [{"t", "primal", "value"}, …] one primal point at every piece end; its objective equals
            c0 + c1 t of the adjacent pieces. By convexity (rhs affine in t), mixing the end points gives
            V(t) <= c0 + c1 t on the piece, so V is exactly the stated piecewise-affine function.
  claimed   [{"from", "to", "value": [c0, c1]}, …]: the paper's formula on the same range. Verified iff it
            equals the certified function; refuted otherwise, with ``expected.counterexample``
            {"t", "claimed", "optimum"} at a point where they differ.
"""
from __future__ import annotations

from ...kernel.numbers import format_rational, to_rational
from ...lp import exact
from ...lp.certificate import build_lp, verify_dual, verify_primal
from . import Outcome, checker


def _pieces(reader, where, lo, hi, with_dual=False):
    raw = reader.get(where, list)
    if not raw:
        raise reader.fail(where, "needs at least one piece")
    out, prev = [], lo
    for k, pc in enumerate(raw):
        w = f"{where}.{k}"
        if not isinstance(pc, dict):
            raise reader.fail(w, "must be an object")
        a, b = reader.rational(f"{w}.from", pc.get("from")), reader.rational(f"{w}.to", pc.get("to"))
        val = pc.get("value")
        if not (isinstance(val, list) and len(val) == 2):
            raise reader.fail(f"{w}.value", "must be [c0, c1] meaning c0 + c1*t")
        c0, c1 = reader.rational(f"{w}.value", val[0]), reader.rational(f"{w}.value", val[1])
        if a != prev or not a < b:
            raise reader.fail(w, f"pieces must be contiguous and increasing (expected to start at {prev})")
        prev = b
        out.append((a, b, c0, c1))
    if prev != hi:
        raise reader.fail(where, f"pieces end at {prev}, the range ends at {hi}")
    return out


def first_mismatch(pieces, claimed):
    """First (t, claimed, certified) where two piecewise-affine functions on the same interval
    differ, or None. Both are affine on every sub-interval between consecutive break points, so
    comparing at the ends of each sub-interval decides equality everywhere."""
    cuts = sorted({p[0] for p in pieces + claimed} | {p[1] for p in pieces + claimed})
    for u, w in zip(cuts, cuts[1:]):
        for t in (u, w):
            cv = next(c0 + c1 * t for a, b, c0, c1 in pieces if a <= u and w <= b)
            cl = next(c0 + c1 * t for a, b, c0, c1 in claimed if a <= u and w <= b)
            if cv != cl:
                return t, cl, cv
    return None


def check_counterexample(reader, pieces, claimed, lo, hi):
    """expected.counterexample = {t, optimum, claimed}: a point of [lo, hi] where the certified
    optimum and the claimed formula differ, both values given exactly."""
    ce = reader.get("expected.counterexample", dict)
    with reader.context("expected.counterexample"):
        t = to_rational(ce.get("t"))
        if not lo <= t <= hi or to_rational(ce.get("optimum")) != _at(pieces, t) or \
                to_rational(ce.get("claimed")) != _at(claimed, t) or _at(pieces, t) == _at(claimed, t):
            raise ValueError("counterexample must give t, the claimed and the proven (different) values exactly")


def _at(pieces, t):
    for a, b, c0, c1 in pieces:
        if a <= t <= b:
            return c0 + c1 * t
    raise ValueError(f"t = {t} outside the range")


@checker("lp-parametric")
def decide(cert, reader) -> Outcome:
    lp, _ = build_lp(reader)
    rng = reader.get("data.range", list)
    if len(rng) != 2:
        raise reader.fail("data.range", "must be [lo, hi]")
    lo, hi = reader.rational("data.range", rng[0]), reader.rational("data.range", rng[1])
    if not lo < hi:
        raise reader.fail("data.range", "needs lo < hi")
    pieces = _pieces(reader, "data.pieces", lo, hi)
    raw_pieces = reader.get("data.pieces", list)
    for k, (a, b, c0, c1) in enumerate(pieces):
        y = verify_dual(reader, lp, f"data.pieces.{k}.dual", f"data.pieces.{k}.tight",
                        raw=raw_pieces[k].get("dual"), tight_raw=raw_pieces[k].get("tight"))
        if exact.dual_value_affine(lp, y) != (c0, c1):
            d0, d1 = exact.dual_value_affine(lp, y)
            raise reader.fail(f"data.pieces.{k}.dual", f"dual objective is {d0} + {d1} t, not {c0} + {c1} t")
    pts = reader.get("data.points", list)
    ends = sorted({p[0] for p in pieces} | {p[1] for p in pieces})
    seen = []
    for k, pt in enumerate(pts):
        w = f"data.points.{k}"
        if not isinstance(pt, dict):
            raise reader.fail(w, "must be an object")
        t = reader.rational(f"{w}.t", pt.get("t"))
        val = reader.rational(f"{w}.value", pt.get("value"))
        verify_primal(reader, lp, f"{w}.primal", t, val, raw=pt.get("primal"))
        for a, b, c0, c1 in pieces:
            if a <= t <= b and c0 + c1 * t != val:
                raise reader.fail(w, f"value {val} at t = {t} differs from the piece [{a}, {b}]: {c0 + c1 * t}")
        seen.append(t)
    if sorted(seen) != ends:
        raise reader.fail("data.points", f"need exactly one primal point at each piece end {[str(e) for e in ends]}")
    claimed = _pieces(reader, "data.claimed", lo, hi)
    bad = first_mismatch(pieces, claimed)
    desc = "; ".join(f"[{format_rational(a)}, {format_rational(b)}]: {format_rational(c0)} + {format_rational(c1)} t"
                     for a, b, c0, c1 in pieces)
    detail = f"optimum proven piecewise: {desc}"
    if bad is None:
        return Outcome("verified", detail + "; equals the claimed formula")
    if cert.verdict == "refuted":
        check_counterexample(reader, pieces, claimed, lo, hi)
    return Outcome("refuted", detail + f"; differs from the claim at t = {format_rational(bad[0])}")
