"""The relaxation LPs in the legacy problem format, as :class:`exactbell.lp.exact.LP` for the solver.

Untrusted adapter: the LP itself is built by :func:`exactbell.kernel.lp.build` (one
implementation); this module translates the legacy ``problem`` dict and copies the result into the
solver's LP container. Problem description::

  {"type": "causal" | "measurement-dependence" | "bilocal",
   "model": causal-model spec, {"named": ..., "m_x", "m_y", "o_a", "o_b"} or {"local": [[m, o], …]},
   "constraints": {"kind": "full", "p": [...], "p_t": [...]?}
                | {"kind": "functional", "functional": {...}, "value": r, "value_t": r?},
   "objective": {"measure": "influence", "source", "target"} | {"measure": "message", "node"}
              | {"measure": "measurement-dependence"} | {"measure": "non-bilocality", "nu_profile", "fix_marginal"}
              | {"measure": "table-weight", "node", "table", "sense"} | {"measure": "none"}}
"""
from __future__ import annotations

from ..kernel import lp as K
from ..kernel.numbers import to_rational
from ..lp.exact import LP
from .functionals import named_functional
from .models import CausalModel, ModelError, local_model, named_model


def build_model(spec) -> CausalModel:
    if not isinstance(spec, dict):
        raise ModelError("causal model must be an object")
    if "named" in spec:
        unknown = set(spec) - {"named", "m_x", "m_y", "o_a", "o_b"}
        if unknown:
            raise ModelError(f"unknown named-model field(s) {sorted(unknown)}")
        return named_model(spec["named"], **{k: spec[k] for k in ("m_x", "m_y", "o_a", "o_b") if k in spec})
    if "local" in spec:
        return local_model([tuple(p) for p in spec["local"]])
    unknown = set(spec) - {"inputs", "outputs", "latent", "parents"}
    if unknown:
        raise ModelError(f"unknown causal-model field(s) {sorted(unknown)}")
    return CausalModel(spec.get("inputs", {}), spec.get("outputs", {}), spec.get("parents", {}), spec.get("latent", {}))


def build(problem) -> tuple:
    """(LP, {"model", "n"}) for a legacy problem description."""
    if not isinstance(problem, dict) or problem.get("type") not in ("causal", "measurement-dependence", "bilocal"):
        raise ModelError("problem must be an object with type causal, measurement-dependence or bilocal")
    model = build_model(problem.get("model"))
    cons, obj = problem.get("constraints"), dict(problem.get("objective") or {})
    md = problem["type"] == "measurement-dependence"
    if cons.get("kind") == "full":
        p = [to_rational(v) for v in cons["p"]]
        pt = [to_rational(v) for v in cons.get("p_t", [0] * len(p))]
        if len(p) != model.size or len(pt) != model.size:
            raise ModelError(f"observed distribution needs {model.size} entries")
        obs = ("full", p, pt)
    elif cons.get("kind") == "functional":
        coef, const = named_functional(cons["functional"])
        obs = ("functional", {**coef, model.size: const}, to_rational(cons["value"]), to_rational(cons.get("value_t", 0)))
    else:
        raise ModelError(f"unknown constraints kind {cons.get('kind')!r} (full, functional)")
    sign = -1 if obj.get("sense") == "max" else 1
    if obj.get("measure") == "non-bilocality":
        obj = {"measure": "non-bilocality", "profile": [to_rational(v) for v in obj.get("nu_profile")],
               "fix_marginal": obj.get("fix_marginal", False)}
    klp = K.build(model, md, obs, obj, sign)
    lp = LP(klp.ncols, [True] * klp.ncols, dict(klp.c))
    for row, sense, r0, r1 in zip(klp.rows, klp.senses, klp.r0, klp.r1):
        lp.add_row(row, sense, r0, r1)
    return lp, {"model": model, "n": model.n}
