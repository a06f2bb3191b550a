"""A user's exact strategy in certificate notation, and its exact Bell value (generator side).

``{"field": {...} (optional), "state": [...], "projectors": [[[P_0|0, ...], ...], ...]}`` or with
``"observables"`` (±1, binary outcomes): entries are expressions in the field generator and ``i``.
The value is computed here by the kernel's Born rule (:func:`exactbell.kernel.ncpoly.behaviour`)
and again by the kernel when the certificate is checked.
"""
from __future__ import annotations

from fractions import Fraction

from ..kernel.algebraic import NumberField
from ..kernel.gaussian import Gaussian
from ..steering.matrices import parse_gaussian
from ..kernel.linalg import add, identity, scale
from ..kernel.ncpoly import behaviour


def _matrix(raw, field, where):
    if not isinstance(raw, list) or not raw or any(not isinstance(r, list) or len(r) != len(raw) for r in raw):
        raise ValueError(f"strategy.{where}: must be a square matrix (list of rows)")
    return [[_scalar(v, field, f"{where}[{i}][{j}]") for j, v in enumerate(r)] for i, r in enumerate(raw)]


def _scalar(v, field, where):
    try:
        return parse_gaussian(v if not isinstance(v, Fraction) else str(v), field)
    except Exception as e:  # noqa: BLE001 (parse errors of many kinds: one message naming the entry)
        raise ValueError(f"strategy.{where}: {v!r} is not an exact number ({e})") from None


def read(strategy: dict, F):
    """(spec for a certificate, field spec or None, exact value ⟨F, P⟩, (ψ, measurements)): the
    measurements as projectors [party][input][outcome] of kernel Gaussians."""
    if not isinstance(strategy, dict) or "state" not in strategy or \
            len({"projectors", "observables"} & set(strategy)) != 1 or \
            set(strategy) - {"field", "state", "projectors", "observables"}:
        raise ValueError("strategy: expected {\"state\", \"projectors\" | \"observables\", \"field\" (optional)}")
    sc = F.scenario
    field_spec = strategy.get("field")
    field = NumberField.from_spec(field_spec) if field_spec else None
    one = field.element([1]) if field else Fraction(1)
    key = "projectors" if "projectors" in strategy else "observables"
    meas = []
    parties = strategy[key]
    if not isinstance(parties, list) or len(parties) != sc.parties:
        raise ValueError(f"strategy.{key}: needs one list per party ({sc.parties})")
    for i, party in enumerate(parties):
        if not isinstance(party, list) or len(party) != sc.inputs[i]:
            raise ValueError(f"strategy.{key}[{i}]: needs {sc.inputs[i]} entries (one per input)")
        ms = []
        for x, raw in enumerate(party):
            if key == "observables":
                O = _matrix(raw, field, f"{key}[{i}][{x}]")
                eye = identity(len(O), one)
                ms.append([scale(Fraction(1, 2), add(eye, scale((-1) ** a, O))) for a in (0, 1)])
            else:
                if not isinstance(raw, list) or len(raw) != sc.outputs[i]:
                    raise ValueError(f"strategy.{key}[{i}][{x}]: needs {sc.outputs[i]} projectors")
                ms.append([_matrix(P, field, f"{key}[{i}][{x}][{a}]") for a, P in enumerate(raw)])
        meas.append(ms)
    psi = [_scalar(v, field, f"state[{k}]") for k, v in enumerate(strategy["state"])]
    try:
        p = behaviour(psi, meas, sc)
    except (IndexError, ValueError, TypeError) as e:
        raise ValueError(f"strategy: the state and the measurements do not fit ({e})") from None
    value = sum((c * q for c, q in zip(F.coefficients, p) if c != 0), one * 0)
    if isinstance(value, Gaussian):
        value = value.re
    spec = {k: strategy[k] for k in ("state", key)}
    return spec, field_spec, value, (psi, meas)
