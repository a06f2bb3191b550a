"""NPA → exact SOS certificate, end to end (generator side).

:func:`certify_bound` returns the ``data`` block and the ``expected`` block of an ``sos``
certificate for a Bell functional (±1 observables for binary outcomes, projectors otherwise):

* with ``exact`` = (η, ψ, observables): the exact maximum η over a number field, by facial
  reduction on the optimal strategy's moment matrix (relation ``max``);
* otherwise: a rational upper bound slightly above the NPA value and a lower bound from a given
  exact strategy, or a rationalized qubit (binary) or projective (d outcomes) strategy (relation
  ``bracket``);
* when no exact Gram matrix is found at the highest precision: a ``numeric-only`` certificate
  whose rigorous upper bound comes from an exact shift of the rounded Gram matrix.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from fractions import Fraction

from ..kernel.models import local_bound
from ..kernel.ncpoly import bell_operator, projectors
from . import npa, qubit, rounding
from .certify import gram_spec, projector_spec, strategy_spec, text

MARGINS = (1e-7, 1e-6, 1e-5)  # G ⪰ margin·1, tried when the optimal Gram matrix does not round


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
    """Best of: rationalized qubit (binary) or projective (d outcomes) search, optimal deterministic
    strategy; as (strategy spec, exact value)."""
    sc = F.scenario
    if projectors(sc.outputs):
        from ..quantum import projective
        psi, meas, value = projective.lower_bound(F)
        spec = projector_spec(psi, meas)
    else:
        angles, _ = qubit.search(B, inputs, restarts=12)
        psi, obs, value = qubit.exact_strategy(B, angles)
        spec = strategy_spec(psi, obs)
    lb = local_bound(F)
    if lb.value > value:  # deterministic: one-dimensional projectors
        det = lb.strategies[0]
        meas = [[[[[Fraction(int(a == o))]] for a in range(sc.outputs[i])] for o in det[i]]
                for i in range(sc.parties)]
        spec, value = projector_spec([Fraction(1)], meas), lb.value
    return spec, value


def certify_bound(F, scenario_spec: dict, functional_spec: dict, level="1+AB", field_spec: dict | None = None,
                  exact=None, tolerance: Fraction = Fraction(1, 1000), force_numeric: bool = False,
                  lower=None) -> BoundResult:
    """``lower``: (strategy spec, exact value) of a known strategy (entries over ``field_spec``)
    for the lower end of a rational bracket."""
    B = bell_operator(F)
    sc = F.scenario
    res = npa.npa_upper_bound(B, sc.inputs, level, outputs=sc.outputs)
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
                         "attained_by": (projector_spec if projectors(sc.outputs) else strategy_spec)(psi, obs)})
            return BoundResult(data, {"verdict": "verified"}, eta, eta, res.eta, "verified", timings, log)
        log.append("exact rounding on the optimal face failed; falling back to a rational bracket")
    if field_spec and lower is None:
        raise ValueError("a rational bracket needs rational coefficients (no data.field)")
    t1 = time.perf_counter()
    eg = None if force_numeric else rounding.round_rational_upper(res)
    for margin in () if eg is not None or force_numeric else MARGINS:
        strict = npa.solve(res.problem, margin=margin)
        log.append(f"strictly feasible Gram matrix (G >= {margin}): value {strict.eta:.10f}")
        D = 10 ** (len(str(int(100 * strict.problem.size / margin))))
        eg = rounding.round_rational_upper(strict, slacks=(Fraction(1, 10**9),), denominators=(D, 100 * D))
        if eg is not None:
            break
    timings["rounding"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    spec, lower = lower if lower is not None else _lower_strategy(F, B, sc.inputs)
    timings["lower"] = time.perf_counter() - t2
    if eg is not None:
        log += eg.log[-1:]
        data.update({"bound": text(eg.eta), "relation": "bracket" if lower != eg.eta else "max",
                     "sos": gram_spec(eg.basis_text(), eg.matrix)})
        data["lower_by" if lower != eg.eta else "attained_by"] = spec
        return BoundResult(data, {"verdict": "verified"}, lower, eg.eta, res.eta, "verified", timings, log)
    sb = rounding.shifted_bound(res, B)
    log.append(f"no exact PSD Gram matrix found; rigorous shifted bound {float(sb.upper):.10f} "
               f"(shift {sb.shift}, {sb.residual_terms} residual terms)")
    tol = max(tolerance, Fraction(sb.upper - sb.eta) * 2, Fraction(sb.eta - rounding.rational_below(lower)) * 2)
    tol = Fraction(tol).limit_denominator(10**6) + Fraction(1, 10**6)
    sos = gram_spec(res.problem and [npa.monomial_text(m) for m in res.problem.basis], sb.matrix)
    sos["gram"]["shift"] = text(sb.shift)
    R = rounding.residual(res.problem, B, sb.matrix, sb.eta)
    data.update({"bound": text(sb.eta), "relation": "upper", "sos": sos,
                 "residual_l1": text(sum((abs(c) for c in R.terms.values()), Fraction(0))),
                 "rigorous_upper": text(sb.upper),
                 "lower_by": spec})
    return BoundResult(data, {"verdict": "numeric-only", "tolerance": text(tol)}, lower, sb.upper, res.eta,
                       "numeric-only", timings, log)
