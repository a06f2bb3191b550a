"""NPA → exact SOS certificate, end to end (generator side).

:func:`certify_bound` returns the ``data`` block and the ``expected`` block of an ``sos``
certificate for a binary-outcome Bell functional:

* with ``exact`` = (η, ψ, observables): the exact maximum η over a number field, by facial
  reduction on the optimal strategy's moment matrix (relation ``max``);
* otherwise: a rational upper bound slightly above the NPA value and a rational lower bound from
  a rationalized qubit strategy (relation ``bracket``);
* when no exact Gram matrix is found at the highest precision: a ``numeric-only`` certificate
  whose rigorous upper bound comes from an exact shift of the rounded Gram matrix.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from fractions import Fraction

from ..kernel.models import local_bound
from ..kernel.ncpoly import bell_operator
from . import npa, qubit, rounding
from .certify import gram_spec, strategy_spec, text


@dataclass
class BoundResult:
    data: dict
    expected: dict
    lower: object
    upper: object
    npa_value: float
    verdict: str
    timings: dict = field(default_factory=dict)
    log: list = field(default_factory=list)


def _lower_strategy(F, B, inputs):
    """Best of: rationalized qubit search, optimal deterministic strategy (as qubit ±1 observables)."""
    angles, _ = qubit.search(B, inputs, restarts=12)
    psi, obs, value = qubit.exact_strategy(B, angles)
    lb = local_bound(F)
    if lb.value > value:
        det = lb.strategies[0]
        parties = len(inputs)
        obs = [[[[Fraction((-1) ** o), Fraction(0)], [Fraction(0), Fraction((-1) ** o)]] for o in det[i]]
               for i in range(parties)]
        psi = [Fraction(1)] + [Fraction(0)] * (2**parties - 1)
        value = lb.value
    return psi, obs, value


def certify_bound(F, scenario_spec: dict, functional_spec: dict, level="1+AB", field_spec: dict | None = None,
                  exact=None, tolerance: Fraction = Fraction(1, 1000), force_numeric: bool = False) -> BoundResult:
    B = bell_operator(F)
    sc = F.scenario
    res = npa.npa_upper_bound(B, sc.inputs, level)
    timings = {"npa": res.seconds}
    data = {}
    if field_spec:
        data["field"] = field_spec
    data.update({"scenario": scenario_spec, "functional": functional_spec})
    log = [f"NPA level {level}: {res.problem.size}x{res.problem.size} Gram, {len(res.problem.classes)} "
           f"constraints, value {res.eta:.10f} ({res.solver}, {res.status})"]
    t1 = time.perf_counter()
    if exact is not None and not force_numeric:
        eta, psi, obs, norm = exact
        one = eta - eta + 1
        eg = rounding.round_exact_face(res, eta, psi, obs, one=one)
        timings["rounding"] = time.perf_counter() - t1
        if eg is not None:
            log += eg.log
            data.update({"bound": text(eta), "relation": "max",
                         "sos": gram_spec(eg.basis_text(), eg.matrix),
                         "attained_by": strategy_spec(psi, obs, norm)})
            return BoundResult(data, {"verdict": "verified"}, eta, eta, res.eta, "verified", timings, log)
        log.append("exact rounding on the optimal face failed; falling back to a rational bracket")
    if field_spec:
        raise ValueError("a rational bracket needs rational coefficients (no data.field)")
    t1 = time.perf_counter()
    eg = None if force_numeric else rounding.round_rational_upper(res)
    timings["rounding"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    psi, obs, lower = _lower_strategy(F, B, sc.inputs)
    timings["lower"] = time.perf_counter() - t2
    if eg is not None:
        log += eg.log[-1:]
        data.update({"bound": text(eg.eta), "relation": "bracket" if lower != eg.eta else "max",
                     "sos": gram_spec(eg.basis_text(), eg.matrix)})
        key = "lower_by" if lower != eg.eta else "attained_by"
        data[key] = strategy_spec(psi, obs, "divide", lower if key == "lower_by" else None)
        return BoundResult(data, {"verdict": "verified"}, lower, eg.eta, res.eta, "verified", timings, log)
    sb = rounding.shifted_bound(res, B)
    log.append(f"no exact PSD Gram matrix found; rigorous shifted bound {float(sb.upper):.10f} "
               f"(shift {sb.shift}, {sb.residual_terms} residual terms)")
    tol = max(tolerance, Fraction(sb.upper - sb.eta) * 2, Fraction(sb.eta - lower) * 2)
    tol = Fraction(tol).limit_denominator(10**6) + Fraction(1, 10**6)
    sos = gram_spec(res.problem and [npa.monomial_text(m) for m in res.problem.basis], sb.matrix)
    sos["gram"]["shift"] = text(sb.shift)
    R = rounding.residual(res.problem, B, sb.matrix, sb.eta)
    data.update({"bound": text(sb.eta), "relation": "upper", "sos": sos,
                 "residual_l1": text(sum((abs(c) for c in R.terms.values()), Fraction(0))),
                 "rigorous_upper": text(sb.upper),
                 "lower_by": strategy_spec(psi, obs, "divide", lower)})
    return BoundResult(data, {"verdict": "numeric-only", "tolerance": text(tol)}, lower, sb.upper, res.eta,
                       "numeric-only", timings, log)
