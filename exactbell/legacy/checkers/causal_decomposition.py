"""Kind ``single-trigger-decomposition``: α = Σ_ξ α^ξ with every α^ξ single-trigger (Liu–Chiribella §II).

A correlation is single-trigger with triggers ξ = (ξ_1, …, ξ_N) when, for every party i, the
coefficients depend on a_i only at x_i = ξ_i. The paper's construction α^ξ_{a,x} = δ_{x,ξ} α_{a,ξ}
uses at most Π n_i pieces; smaller decompositions assign several contexts to one trigger.

data:
  scenario, coefficients      α in canonical (inputs-major) order
  single_trigger              every trigger tuple for which α itself is single-trigger (recomputed;
                              [] means α is not single-trigger)
  construction                "canonical" (pieces must be exactly the paper's construction) or
                              "minimal" (no decomposition by whole-context assignment has fewer pieces)
  pieces                      [{"trigger": [...], "coefficients": [...]}]
"""
from __future__ import annotations

from ...causal import exact as ex
from . import Outcome, checker


def _field(reader, obj, where, key, typ):
    if key not in obj:
        raise reader.fail(f"{where}.{key}", "required field is missing")
    if not isinstance(obj[key], typ):
        raise reader.fail(f"{where}.{key}", f"expected {typ.__name__}")
    return obj[key]


@checker("single-trigger-decomposition")
def decide(cert, reader) -> Outcome:
    sc = reader.scenario()

    def table(where, raw=None):
        raw = reader.get(where, list) if raw is None else raw
        with reader.context(where):
            return ex.correlation_table(sc, [reader.value(where, v) for v in raw])

    alpha = table("data.coefficients")
    from .ico_bound import _Scalars, check_named

    check_named(reader, sc, alpha, _Scalars(reader))
    stated = reader.get("data.single_trigger", list)
    with reader.context("data.single_trigger"):
        st = sorted(tuple(t) for t in stated)
    actual = sorted(ex.single_triggers(sc, alpha))
    if st != actual:
        raise reader.fail("data.single_trigger", f"α is single-trigger exactly for the triggers {actual}")
    pieces = reader.get("data.pieces", list)
    if not 1 <= len(pieces) <= len(sc.contexts):
        raise reader.fail("data.pieces", f"needs between 1 and {len(sc.contexts)} pieces")
    total = {k: 0 for k in alpha}
    got = {}
    for p, piece in enumerate(pieces):
        w = f"data.pieces[{p}]"
        if not isinstance(piece, dict):
            raise reader.fail(w, "must be an object")
        trig = tuple(_field(reader, piece, w, "trigger", list))
        beta = table(f"{w}.coefficients", _field(reader, piece, w, "coefficients", list))
        bad = ex.single_trigger_problem(sc, beta, trig)
        if bad:
            raise reader.fail(f"{w}.trigger", f"piece is not single-trigger: {bad}")
        if trig in got:
            raise reader.fail(f"{w}.trigger", "two pieces share a trigger")
        got[trig] = beta
        for k in total:
            total[k] += beta[k]
    for k in alpha:
        if total[k] != alpha[k]:
            raise reader.fail("data.pieces", f"the pieces do not sum to α at (a, x) = {k}")
    how = reader.get("data.construction", str)
    if how == "canonical":
        ref = ex.canonical_decomposition(sc, alpha)
        if set(ref) != set(got) or any(ref[t] != got[t] for t in ref):
            raise reader.fail("data.pieces", "not the paper's construction α^ξ_{a,x} = δ_{x,ξ} α_{a,ξ}")
    elif how == "minimal":
        ref = ex.minimal_decomposition(sc, alpha)
        if len(ref) != len(got):
            raise reader.fail("data.pieces", f"the smallest context-assignment decomposition has {len(ref)} pieces")
    else:
        raise reader.fail("data.construction", f"unknown construction {how!r} (canonical or minimal)")
    kind = f"single-trigger for {len(actual)} trigger choice(s)" if actual else "not single-trigger"
    return Outcome("verified", f"α ({kind}) = sum of {len(got)} single-trigger pieces (≤ Π n_i = {len(sc.contexts)}), "
                   f"{how} construction")
