"""Reading and writing the LP parts of certificates (float-free; shared by checkers and generators).

Sparse vectors are lists of ``[index, "p/q"]`` pairs listing the nonzero entries only; indices refer
to the LP built from ``data.problem`` by :func:`exactbell.relaxations.lps.build` (column layout for
primal vectors, row layout for dual/Farkas vectors). ``tight`` lists *all* columns whose dual
constraint is tight (checked as a set), so every stored dual entry is pinned by an equation.
"""
from __future__ import annotations

from fractions import Fraction

from ..kernel.numbers import format_rational, to_rational
from . import exact


def write_sparse(vec: dict) -> list:
    return [[j, format_rational(v)] for j, v in sorted(vec.items()) if v != 0]


def _raw(reader, dotted, raw, types=list):
    if raw is ...:
        return reader.get(dotted, types)
    if not isinstance(raw, types):
        raise reader.fail(dotted, f"expected {types.__name__}, got {type(raw).__name__}")
    return raw


def read_sparse(reader, dotted: str, length: int, raw=...) -> dict:
    raw = _raw(reader, dotted, raw)
    with reader.context(dotted):
        pairs = []
        for k, item in enumerate(raw):
            if not isinstance(item, list) or len(item) != 2:
                raise ValueError(f"entry {k} must be a pair [index, value]")
            pairs.append((item[0], to_rational(item[1])))
        return exact.sparse_vector(pairs, length, dotted)


def read_int_list(reader, dotted: str, raw=...) -> list:
    raw = _raw(reader, dotted, raw)
    if any(not isinstance(v, int) or isinstance(v, bool) for v in raw):
        raise reader.fail(dotted, "must be a list of integers")
    return raw


def build_lp(reader, dotted: str = "data.problem"):
    from ..relaxations.lps import build

    problem = reader.get(dotted, dict)
    with reader.context(dotted):
        return build(problem)


def verify_primal(reader, lp, where: str, t=Fraction(0), value=None, raw=...) -> Fraction:
    x = read_sparse(reader, where, lp.ncols, raw)
    why = exact.primal_violation(lp, x, t) or exact.canonical_primal(lp, x)
    if why:
        raise reader.fail(where, why)
    v = exact.objective_value(lp, x)
    if value is not None and v != value:
        raise reader.fail(where, f"primal objective is {v}, certificate states {value}")
    return v


def verify_dual(reader, lp, where: str, tight_where: str, homogeneous: bool = False, raw=..., tight_raw=...) -> dict:
    y = read_sparse(reader, where, lp.nrows, raw)
    why = exact.dual_violation(lp, y, homogeneous)
    if why:
        raise reader.fail(where, why)
    tight = read_int_list(reader, tight_where, tight_raw)
    why = exact.check_tight(lp, y, tight, homogeneous)
    if why:
        raise reader.fail(tight_where, why)
    return y


def lp_certificate(lp, result: dict) -> dict:
    """The ``primal``/``dual``/``tight``/``optimum`` block from :func:`exactbell.lp.solve.certify`."""
    return {"optimum": format_rational(result["value"]), "primal": write_sparse(result["primal"]),
            "dual": write_sparse(result["dual"]), "tight": result["tight"]}
