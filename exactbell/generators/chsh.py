"""CHSH: local bound 2 and Tsirelson bound 2√2 (Wooltorton–Brown–Colbeck, C004-01)."""
from __future__ import annotations

from fractions import Fraction

from ..behaviours import field_parse
from ..certificates.format import envelope2
from ..kernel.functional import functional_from_spec
from ..kernel.models import local_bound
from ..kernel.scenario import Scenario
from . import generator

PAPER = "wooltorton-brown-colbeck"
CHSH_SCENARIO = Scenario((2, 2), (2, 2))
CHSH_TERMS = {"A0B0": "1", "A0B1": "1", "A1B0": "1", "A1B1": "-1"}
CORRELATOR = {"form": "correlator", "marginals": "uniform-average",
              "observables": "A_x = M_{0|x} - M_{1|x} (outcome a contributes (-1)^a)"}
SQRT2 = {"generator": "s", "minpoly": "s^2 - 2", "interval": ["1", "2"]}


def local_bound_data(F, functional: dict, paper: str) -> dict:
    """The ``data`` of a kernel ``local-bound`` certificate (max, every optimal strategy)."""
    lb = local_bound(F)
    return {"scenario": F.scenario.to_spec(), "functional": functional, "sense": "max",
            "optimal": [[list(t) for t in s] for s in lb.strategies], "paper": paper}


@generator("C004-01.local", PAPER, "C004-01")
def chsh_local():
    F = functional_from_spec(CHSH_SCENARIO, {"terms": CHSH_TERMS}, CORRELATOR, Fraction)
    return envelope2(
        "C004-01.local", "C004-01", PAPER, "L75 (and Sengupta-Wooltorton Eq. (4))",
        "The local bound of CHSH = <A0B0> + <A0B1> + <A1B0> - <A1B1> is 2.", "local-bound",
        "verified", CORRELATOR, local_bound_data(F, {"terms": CHSH_TERMS}, "2"))


@generator("C004-01.quantum", PAPER, "C004-01")
def chsh_tsirelson():
    h = "s/2"
    return envelope2(
        "C004-01.quantum", "C004-01", PAPER, "L75",
        "The quantum bound of CHSH is 2*sqrt(2) (Tsirelson), attained by a maximally entangled qubit pair.",
        "sos", "verified", CORRELATOR,
        {"field": SQRT2, "scenario": CHSH_SCENARIO.to_spec(), "functional": {"terms": CHSH_TERMS},
         "sense": "max", "bound": "2*s",
         "sos": {"terms": [{"weight": "s/2", "polynomial": f"A0 - {h}*B0 - {h}*B1"},
                           {"weight": "s/2", "polynomial": f"A1 - {h}*B0 + {h}*B1"}]},
         "strategy": {
             "state": [h, "0", "0", h],
             "observables": [[[["1", "0"], ["0", "-1"]], [["0", "1"], ["1", "0"]]],
                             [[[h, h], [h, f"-{h}"]], [[h, f"-{h}"], [f"-{h}", f"-{h}"]]]]},
         "paper": {"sqrt": "8"}})


@generator("C004-01.quantum-npa", PAPER, "C004-01")
def chsh_tsirelson_npa():
    """The same bound from the NPA pipeline: level-1+AB Gram matrix rounded exactly over Q(√2) on
    the face of the optimal strategy (an independent route to the SOS above)."""
    from ..kernel.algebraic import NumberField
    from ..sdp.pipeline import certify_bound

    K = NumberField.from_spec(SQRT2)
    s = K.gen()
    h = s / 2
    zero = s - s
    F = functional_from_spec(CHSH_SCENARIO, {"terms": CHSH_TERMS}, CORRELATOR, lambda c: field_parse(K, c))
    psi = [h, zero, zero, h]
    obs = [[[[zero + 1, zero], [zero, zero - 1]], [[zero, zero + 1], [zero + 1, zero]]],
           [[[h, h], [h, -h]], [[h, -h], [-h, -h]]]]
    res = certify_bound(F, CHSH_SCENARIO.to_spec(), {"terms": CHSH_TERMS}, level="1+AB", field_spec=SQRT2,
                        exact=(2 * s, psi, obs, None))
    if res.verdict != "verified":
        raise RuntimeError(f"exact rounding failed: {res.log}")
    from ..sdp.certify import sos_v2

    return envelope2(
        "C004-01.quantum-npa", "C004-01", PAPER, "L75",
        "The quantum bound of CHSH is 2*sqrt(2): NPA level 1+AB Gram certificate, exact over Q(sqrt 2), attained "
        "by a maximally entangled qubit pair.", "sos", "verified", CORRELATOR, sos_v2(res.data, {"sqrt": "8"}))
