"""Legacy check for Chaves–Kueng–Brask–Gross claim C002-11 (the others moved to kernel kinds).

Kind:
  ckbg-inequality-face  data: model (named), functional (named), bound, space ("probability"|"correlator"),
                        max, tight_count, face_dimension, polytope_dimension. Claim: valid facet.
"""
from __future__ import annotations

from fractions import Fraction

import flint

from ...relaxations import functionals as fn
from ...relaxations.lps import build_model
from . import Outcome, checker


def _affine_dim(points) -> int:
    if not points:
        return -1
    base = points[0]
    rows = [[a - b for a, b in zip(p, base)] for p in points[1:]]
    if not rows:
        return 0
    if all(type(v) is int for r in rows for v in r):
        return flint.fmpz_mat(len(rows), len(rows[0]), [v for r in rows for v in r]).rank()
    m = flint.fmpq_mat(len(rows), len(rows[0]), [flint.fmpq(v.numerator, v.denominator) if isinstance(v, Fraction)
                                                 else v for r in rows for v in r])
    return m.rank()


@checker("ckbg-inequality-face")
def inequality_face(cert, reader) -> Outcome:
    with reader.context("data.model"):
        model = build_model(reader.get("data.model", dict))
    with reader.context("data.functional"):
        f = fn.named_functional(reader.get("data.functional", dict))
        fn.check_shape(reader.get("data.functional", dict), len(model.contexts), len(model.outcomes))
    space = reader.get("data.space", str)
    if space not in ("probability", "correlator"):
        raise reader.fail("data.space", 'must be "probability" or "correlator"')
    nout = len(model.outcomes)
    if nout != 4:
        raise reader.fail("data.model", "binary outputs for both parties are required")
    pts = set()
    for col in model.observation_columns():
        p = [0] * model.size
        for c, o in enumerate(col):
            p[c * nout + o] = 1
        if space == "correlator":
            p = [p[c * 4] - p[c * 4 + 1] - p[c * 4 + 2] + p[c * 4 + 3] for c in range(len(model.contexts))]
        pts.add(tuple(p))
    pts = sorted(pts)

    def value(p):
        if space == "probability":
            return fn.evaluate(f, p)
        full = []
        for e in p:  # a correlator-only functional: evaluate on any lift with these correlators
            full += [Fraction(1 + e, 4), Fraction(1 - e, 4), Fraction(1 - e, 4), Fraction(1 + e, 4)]
        return fn.evaluate(f, full)

    vals = [value(p) for p in pts]
    bound = reader.rational("data.bound")
    mx = max(vals)
    if mx != reader.rational("data.max"):
        raise reader.fail("data.max", f"the maximum over the {len(pts)} deterministic points is {mx}")
    tight = [p for p, v in zip(pts, vals) if v == bound]
    if len(tight) != reader.get("data.tight_count", int):
        raise reader.fail("data.tight_count", f"{len(tight)} deterministic points attain the bound")
    dim = _affine_dim(pts)
    fdim = _affine_dim(tight)
    if dim != reader.get("data.polytope_dimension", int):
        raise reader.fail("data.polytope_dimension", f"the polytope has affine dimension {dim}")
    if fdim != reader.get("data.face_dimension", int):
        raise reader.fail("data.face_dimension", f"the tight face has affine dimension {fdim}")
    facet = mx <= bound and mx == bound and fdim == dim - 1
    detail = (f"{space} space: {len(pts)} distinct deterministic points, max {mx} (bound {bound}), polytope dim "
              f"{dim}, tight face dim {fdim}: {'valid facet' if facet else 'not a facet'}")
    if facet:
        return Outcome("verified", detail)
    if cert.verdict == "refuted":
        ce = reader.get("expected.counterexample", dict)
        if ce.get("face_dimension") != fdim or ce.get("polytope_dimension") != dim:
            raise reader.fail("expected.counterexample", "must state the exact face and polytope dimensions")
    return Outcome("refuted", detail)
