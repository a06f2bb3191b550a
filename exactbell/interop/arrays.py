"""Bell functionals as the arrays of QETLAB and Ket.jl: full probability (``fp``), Collins–Gisin (``cg``)
and full correlator (``fc``), in memory, as ``.npy`` files and as JSON; every entry exact.

Index conventions (0-based here; both tools are 1-based), checked against their sources:

* ``fp`` — ``V[a_1, …, a_N, x_1, …, x_N]`` is the coefficient of p(a|x). QETLAB ``BellInequalityMax``
  (notation ``'fp'``, ``V(a,b,x,y)``, bipartite); Ket.jl ``local_bound(G; correlation=false)`` (``G[a,b,…,x,y,…]``,
  any N).
* ``cg`` — one axis per party of length ``1 + m_i (o_i − 1)``: index 0 is "party i not measured", index
  ``1 + x (o_i − 1) + a`` (a ≤ o_i − 2) is outcome a of input x; the last outcome is eliminated, ``CG[0, …, 0]``
  is the constant. A term that leaves a party out is that party's marginal, spread uniformly over its inputs
  (``marginals: uniform-average``). QETLAB ``helpers/cg2fp.m`` (``aindex(a,x) = 1 + a + (x−1)(oa−1)``, the
  constant divided by ``ia·ib``); Ket.jl ``tensor_probability(CG, scenario)`` (``cgindex``, ``_normalization_tensor``).
* ``fc`` — binary outcomes; one axis per party of length ``1 + m_i``: index 0 is "not measured", ``1 + x`` is
  the observable A_x = M_{0|x} − M_{1|x}; ``FC[0, …, 0]`` is the constant. QETLAB ``helpers/fc2fp.m``;
  Ket.jl ``tensor_probability(FC)`` and ``tensor_correlation`` ("marginals in the first index").

Reading ``cg`` or ``fc`` keeps the notation (the functional's certificates are written in it); writing them
from a functional uses the no-signalling equivalence (values agree on every normalised no-signalling
behaviour, and the ``cg`` array of a functional is unique), Ket.jl's ``tensor_collinsgisin`` /
``tensor_correlation`` for functionals.
"""
from __future__ import annotations

import io
import json
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from itertools import product
from math import prod
from typing import Any

NOTATIONS = ("fp", "cg", "fc")
JSON_FORMAT = "exactbell-bell-functional"


def _api():
    from .. import api

    return api


def shape(scenario: Any, notation: str) -> tuple:
    """The array shape of ``notation`` in ``scenario``."""
    sc = _api()._scenario(scenario)
    if notation == "fp":
        return tuple(sc.outputs) + tuple(sc.inputs)
    if notation == "cg":
        return tuple(1 + m * (o - 1) for m, o in zip(sc.inputs, sc.outputs))
    if notation == "fc":
        if any(o != 2 for o in sc.outputs):
            raise ValueError(f"notation: 'fc' needs binary outcomes, scenario has outputs {list(sc.outputs)}")
        return tuple(1 + m for m in sc.inputs)
    raise ValueError(f"notation: {notation!r} is not one of {', '.join(NOTATIONS)}")


def _at(name: str, idx: tuple) -> str:
    return f"{name}[{', '.join(map(str, idx))}]" if idx else name


def _entries(array: Any, want: tuple, name: str) -> dict:
    """{index tuple: entry} of a nested list or numpy array of shape ``want`` (ValueError naming ``name``)."""
    if hasattr(array, "shape") and hasattr(array, "dtype"):
        if tuple(array.shape) != want:
            raise ValueError(f"{name}: expected shape {want}, got shape {tuple(array.shape)}")
        return {idx: array[idx] for idx in product(*map(range, want))}
    out = {}

    def walk(v, idx):
        if len(idx) == len(want):
            if isinstance(v, (list, tuple)):
                raise ValueError(f"{_at(name, idx)}: too many axes (expected shape {want})")
            out[idx] = v
            return
        if not isinstance(v, (list, tuple)) or len(v) != want[len(idx)]:
            got = len(v) if isinstance(v, (list, tuple)) else type(v).__name__
            raise ValueError(f"{_at(name, idx)}: expected shape {want}, got length {got} where {want[len(idx)]} "
                             f"is expected")
        for k, w in enumerate(v):
            walk(w, idx + (k,))
    walk(array, ())
    return out


def from_array(scenario: Any, array: Any, notation: str = "fp", name: str = "array"):
    """A :class:`~exactbell.api.BellFunctional` from a QETLAB / Ket.jl array (nested lists or numpy);
    an entry that is not exact is refused, naming it (``array[1, 0]``)."""
    api = _api()
    sc = api._scenario(scenario)
    want = shape(sc, notation)
    vals = {i: api.exact(v, _at(name, i)) for i, v in _entries(array, want, name).items()}
    if notation == "fp":
        return api.BellFunctional.from_probabilities(sc, [vals[tuple(a) + tuple(x)] for a, x in sc.entries()])
    letters = "ABCDEFGH"
    terms = {}
    for idx, c in vals.items():
        if c == 0:
            continue
        on = [(k, i - 1) for k, i in enumerate(idx) if i]
        if not on:
            terms["1"] = api._text(c)
        elif notation == "fc":
            terms["".join(f"{letters[k]}{j}" for k, j in on)] = api._text(c)
        else:
            xa = [(k, divmod(j, sc.outputs[k] - 1)) for k, j in on]
            if any(x > 9 or a > 9 for _, (x, a) in xa):
                raise ValueError(f"{name}: Collins-Gisin terms need inputs and outcomes below 10 (use 'fp')")
            key = "p" + "".join(letters[k] for k, _ in xa) + "(" + "".join(str(a) for _, (_, a) in xa) + "|" \
                + "".join(str(x) for _, (x, _) in xa) + ")"
            terms[key] = api._text(c)
    if notation == "fc":
        return api.BellFunctional.from_correlators(sc, terms)
    return api.BellFunctional.from_collins_gisin(sc, terms)


def _cg_value(sc, F, on: dict) -> Fraction:
    """CG coefficient of the parties ``on`` = {party: (x, a)} (a ≤ o − 2), the others unmeasured: Σ over the
    open inputs and over a' with a'_k ∈ {a_k, last} (k in ``on``), a'_k = last (k not in ``on``) of
    (−1)^#{k in on: a'_k = last} F(a'|x) (Ket.jl ``_tensor_collinsgisin_probability``)."""
    last = [o - 1 for o in sc.outputs]
    total = Fraction(0)
    choices = [[on[k][1], last[k]] if k in on else [last[k]] for k in range(sc.parties)]
    xs = [[on[k][0]] if k in on else range(sc.inputs[k]) for k in range(sc.parties)]
    for x in product(*xs):
        for a in product(*choices):
            c = F.coefficients[sc.index(a, x)]
            if c:
                total += -c if sum(a[k] == last[k] for k in on) % 2 else c
    return total


def _fc_value(sc, F, on: dict) -> Fraction:
    """FC coefficient of the parties ``on`` = {party: x}: 2^−N Σ over the open inputs and all outcomes of
    (−1)^{Σ_{k in on} a_k} F(a|x) (p(a|x) = 2^−N Σ_S (−1)^{a_S} ⟨Π_S A⟩ on no-signalling behaviours)."""
    total = Fraction(0)
    xs = [[on[k]] if k in on else range(sc.inputs[k]) for k in range(sc.parties)]
    for x in product(*xs):
        for a in sc.outcomes:
            c = F.coefficients[sc.index(a, x)]
            if c:
                total += -c if sum(a[k] for k in on) % 2 else c
    return total / 2 ** sc.parties


def to_array(F: Any, notation: str = "fp") -> list:
    """The QETLAB / Ket.jl array of a functional as nested lists of Fractions."""
    api = _api()
    F = api._functional(F)
    sc = F.scenario
    want = shape(sc, notation)
    flat = {}
    for idx in product(*map(range, want)):
        on = {k: i - 1 for k, i in enumerate(idx) if i}
        if notation == "fp":
            flat[idx] = Fraction(F.coefficients[sc.index(idx[:sc.parties], idx[sc.parties:])])
        elif notation == "fc":
            flat[idx] = _fc_value(sc, F, on)
        else:
            flat[idx] = _cg_value(sc, F, {k: divmod(j, sc.outputs[k] - 1) for k, j in on.items()})

    def build(idx):
        if len(idx) == len(want):
            return flat[idx]
        return [build(idx + (k,)) for k in range(want[len(idx)])]
    return build(())


# -- .npy --------------------------------------------------------------------------------------------------
def to_numpy(F: Any, notation: str = "fp"):
    """A numpy array (int64 when every entry is an integer, else float64 when every entry is a binary
    fraction that float64 holds exactly; otherwise ValueError naming the entry: use JSON)."""
    with _api()._search("to_numpy"):
        import numpy as np

    nested = to_array(F, notation)
    want = shape(F.scenario, notation)
    vals = _entries(nested, want, "F")
    if all(v.denominator == 1 and abs(v) < 2**62 for v in vals.values()):
        arr = np.zeros(want, dtype=np.int64)
    else:
        arr = np.zeros(want, dtype=np.float64)
        for idx, v in vals.items():
            if Fraction(float(v)) != v:
                raise ValueError(f"F: entry [{', '.join(map(str, idx))}] = {v} has no exact float64 value; "
                                 f"write JSON instead (save_json)")
    for idx, v in vals.items():
        arr[idx] = int(v) if arr.dtype == np.int64 else float(v)
    return arr


def save_npy(F: Any, path, notation: str = "fp") -> None:
    """Write the array to a ``.npy`` file (atomically; see :func:`to_numpy` for the dtype)."""
    with _api()._search("save_npy"):
        import numpy as np

    from ..certificates.format import write_atomic

    buf = io.BytesIO()
    np.save(buf, to_numpy(F, notation), allow_pickle=False)
    write_atomic(path, buf.getvalue())


def load_npy(scenario: Any, path, notation: str = "fp"):
    """A functional from a ``.npy`` array (no pickles; float entries accepted only when exact, see
    :func:`exactbell.api.exact`)."""
    with _api()._search("load_npy"):
        import numpy as np

    try:
        arr = np.load(path, allow_pickle=False)
    except (ValueError, OSError) as e:
        raise ValueError(f"{path}: not a readable .npy array ({e})") from None
    return from_array(scenario, arr, notation, name=str(path))


# -- JSON --------------------------------------------------------------------------------------------------
def _json_number(text: str) -> Fraction:
    """A JSON decimal literal as the exact number it spells, if its denominator is at most 10^6."""
    try:
        q = Fraction(Decimal(text))
    except (InvalidOperation, ValueError):
        raise ValueError(f"{text!r} is not a finite number") from None
    if q.denominator > 10**6:
        raise ValueError(f"decimal {text} is not an exact small fraction; write it as a string \"p/q\"")
    return q


def to_json(F: Any, notation: str = "fp") -> str:
    """JSON text ``{"format", "notation", "scenario", "array"}``; entries are integers or "p/q" strings."""
    api = _api()
    F = api._functional(F)

    def enc(v):
        return [enc(w) for w in v] if isinstance(v, list) else (v.numerator if v.denominator == 1 else api._text(v))
    obj = {"format": JSON_FORMAT, "notation": notation, "scenario": F.scenario.to_spec(),
           "array": enc(to_array(F, notation))}
    return json.dumps(obj, separators=(", ", ": ")) + "\n"


def from_json(text: str, name: str = "<json>"):
    """A functional from :func:`to_json` text. Entries: integers, "p/q" strings, or decimal literals with a
    denominator of at most 10^6 (read as the decimal they spell); anything else is refused, naming it."""
    try:
        obj = json.loads(text, parse_float=lambda s: ("decimal", s), parse_constant=lambda s: ("decimal", s))
    except json.JSONDecodeError as e:
        raise ValueError(f"{name}: not JSON ({e})") from None
    if not isinstance(obj, dict):
        raise ValueError(f"{name}: expected an object with format, notation, scenario, array")
    unknown = set(obj) - {"format", "notation", "scenario", "array"}
    if unknown:
        raise ValueError(f"{name}: unknown key {sorted(unknown)[0]!r}")
    if obj.get("format") != JSON_FORMAT:
        raise ValueError(f"{name}: format must be {JSON_FORMAT!r}")
    sc = obj.get("scenario")
    if not (isinstance(sc, dict) and set(sc) == {"inputs", "outputs"}):
        raise ValueError(f"{name}: scenario must be {{\"inputs\": [...], \"outputs\": [...]}}")

    def dec(v, where):
        if isinstance(v, list):
            return [dec(w, f"{where}[{k}]") for k, w in enumerate(v)]
        if isinstance(v, tuple):
            try:
                return _json_number(v[1])
            except ValueError as e:
                raise ValueError(f"{name}: {where}: {e}") from None
        return v
    return from_array(sc, dec(obj.get("array"), "array"), obj.get("notation", "fp"), name=f"{name}: array")


def save_json(F: Any, path, notation: str = "fp") -> None:
    from ..certificates.format import write_atomic

    write_atomic(path, to_json(F, notation))


def load_json(path, name: str | None = None):
    from pathlib import Path

    return from_json(Path(path).read_text(encoding="utf-8"), name or str(path))


def size(scenario: Any, notation: str) -> int:
    return prod(shape(scenario, notation))
