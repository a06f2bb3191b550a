"""Assemble ``sos`` certificate data from exact objects (generator side)."""
from __future__ import annotations

from fractions import Fraction

from ..kernel.params import scalar_text
from ..kernel.gaussian import Gaussian
from ..quantum.strategy import Complex


def text(x) -> str:
    """Exact scalar (Fraction, field element or Complex over them) as certificate text."""
    if isinstance(x, (Complex, Gaussian)):
        re, im = x.re, x.im
        if im == 0:
            return text(re)
        im_t = f"({scalar_text(im)})*i"
        return im_t if re == 0 else f"{scalar_text(re)} + {im_t}"
    if isinstance(x, int) and not isinstance(x, bool):
        x = Fraction(x)
    return scalar_text(x)


def matrix_text(M) -> list:
    return [[text(v) for v in row] for row in M]


def strategy_spec(psi, observables, normalization: str | None = None, value=None) -> dict:
    """A kernel strategy (the kernel normalizes the state itself; ``normalization`` and ``value``
    are accepted for old callers and not written: the kernel computes the value)."""
    return {"state": [text(v) for v in psi], "observables": [[matrix_text(O) for O in party] for party in observables]}


def projector_spec(psi, meas) -> dict:
    """A kernel strategy with projective measurements meas[party][input][outcome]."""
    return {"state": [text(v) for v in psi], "projectors": [[[matrix_text(P) for P in m] for m in party]
                                                             for party in meas]}


def sos_v2(data: dict, paper=None) -> dict:
    """Kernel ``sos`` data from the pipeline's data: sense max, the (attaining or lower) strategy."""
    out = {k: data[k] for k in ("field", "trig", "scenario", "functional") if k in data}
    out.update(sense="max", bound=data["bound"], sos=data["sos"])
    strategy = data.get("attained_by") or data.get("lower_by")
    if strategy:
        out["strategy"] = {k: strategy[k] for k in ("state", "observables", "projectors") if k in strategy}
    if paper is not None:
        out["paper"] = paper
    return out


def gram_spec(basis_text: list, matrix) -> dict:
    return {"gram": {"basis": list(basis_text), "matrix": matrix_text(matrix)}}
