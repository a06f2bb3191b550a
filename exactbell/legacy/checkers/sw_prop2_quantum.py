"""Kind ``sw-prop2-quantum``: Proposition 2 item 2 — one non-signaling quantum behaviour P_Q with
W_{p,r}(P_Q) > 1 for every p, r in [0, 1), with the strategy of (F14)-(F15) in exact arithmetic.

data:
  field        real number field of the strategy (e.g. Q(2^(1/6)))
  state        real state vector ψ (4 entries, need not be normalised: P = <ψ|Π⊗Π|ψ>/<ψ|ψ>)
  observables  [[A_0, A_1], [B_0, B_1]]: real symmetric 2x2 matrices squaring to 1
  behaviour    4x4 matrix of P_Q (sw-4x4 form, recomputed; must be non-signaling)
  functional   {"matrix": G_{p,r}} symbolic in p, r (sw-4x4), must be the paper's G_{p,r}
  excess       {"constant": k}: the checker proves W_{p,r}(P_Q) - 1 = k (1-p)(1-r) coefficientwise
               and k > 0 exactly in the field
  printed      {"constant": k', "difference": k' - k}: the constant as printed in (F16) and its exact
               difference from k (recomputed); reported as an erratum when nonzero
  positivity   an inequality proof (prover) of (1-p)(1-r) > 0 on the domain
  domain       {"p": "[0, 1)", "r": "[0, 1)"}
"""
from __future__ import annotations

from ...kernel.functional import SW_SCENARIO, from_sw_matrix
from ...kernel.poly import RationalFunction
from ...kernel.scenario import Behaviour
from ...prover import ProverError, Statement, verify
from ...quantum.strategy import StrategyError, check_observable, kron
from . import Outcome, checker

G_PR = [["1", "1", "0", "r-1"], ["1", "0", "0", "0"], ["0", "0", "0", "0"], ["p-1", "0", "0", "(1-p)*(1-r)"]]


def _matrix(reader, where, raw, n):
    if not isinstance(raw, list) or len(raw) != n or any(not isinstance(r, list) or len(r) != n for r in raw):
        raise reader.fail(where, f"must be a {n}x{n} matrix")
    return [[reader.value(where, x) for x in row] for row in raw]


def quantum_behaviour(psi, obs) -> Behaviour:
    one = psi[0] * 0 + 1
    norm = sum((v * v for v in psi), 0)
    vals = []
    for (a, b), (x, y) in SW_SCENARIO.entries():
        PA = [[((one if i == j else 0 * one) + (1 - 2 * a) * obs[0][x][i][j]) / 2 for j in range(2)] for i in range(2)]
        PB = [[((one if i == j else 0 * one) + (1 - 2 * b) * obs[1][y][i][j]) / 2 for j in range(2)] for i in range(2)]
        M = kron(PA, PB)
        vals.append(sum((psi[i] * M[i][j] * psi[j] for i in range(4) for j in range(4)), 0) / norm)
    return Behaviour(SW_SCENARIO, tuple(vals))


@checker("sw-prop2-quantum")
def decide(cert, reader) -> Outcome:
    if reader.field is None:
        raise reader.fail("data.field", "the strategy needs a declared number field")
    names = list(reader.symbols)
    if names != ["p", "r"]:
        raise reader.fail("parameters", "needs the symbolic parameters p and r")
    raw = reader.get("data.state", list)
    if len(raw) != 4:
        raise reader.fail("data.state", "a two-qubit state has 4 entries")
    psi = [reader.value("data.state", v) for v in raw]
    obs_raw = reader.get("data.observables", list)
    if len(obs_raw) != 2 or any(not isinstance(o, list) or len(o) != 2 for o in obs_raw):
        raise reader.fail("data.observables", "needs [[A_0, A_1], [B_0, B_1]]")
    obs = [[_matrix(reader, f"data.observables[{k}][{x}]", obs_raw[k][x], 2) for x in range(2)] for k in range(2)]
    for k in range(2):
        for x in range(2):
            try:
                check_observable(obs[k][x], f"observable {'AB'[k]}{x}")
            except StrategyError as e:
                raise reader.fail(f"data.observables[{k}][{x}]", str(e)) from None
    if sum((v * v for v in psi), 0) == 0:
        raise reader.fail("data.state", "the zero vector is not a state")
    P = quantum_behaviour(psi, obs)
    beh = _matrix(reader, "data.behaviour", reader.get("data.behaviour", list), 4)
    if from_sw_matrix(beh) != list(P.values):
        raise reader.fail("data.behaviour", "is not the behaviour of the strategy")
    if not P.is_nonsignaling():
        raise reader.fail("data.behaviour", "is signaling")
    G = reader.get("data.functional.matrix", list)
    if len(G) != 4 or any(not isinstance(r, list) or len(r) != 4 for r in G):
        raise reader.fail("data.functional.matrix", "must be a 4x4 matrix")
    if [reader.symbolic("data.functional.matrix", t) for t in from_sw_matrix(G)] != \
            [RationalFunction.parse(t, names) for t in from_sw_matrix(G_PR)]:
        raise reader.fail("data.functional.matrix", "is not G_{p,r} of Sec. IV B (L321-327)")
    coeffs: dict = {}
    for g_text, pv in zip(from_sw_matrix(G), P.values):
        f = reader.symbolic("data.functional.matrix", g_text)
        if f.den.constant_value() is None:
            raise reader.fail("data.functional.matrix", "entries must be polynomials in p, r")
        for mono, c in f.num.terms.items():
            coeffs[mono] = coeffs.get(mono, 0) + c / f.den.constant_value() * pv
    k = reader.value("data.excess.constant")
    target = RationalFunction.parse("(1-p)*(1-r)", names).num
    coeffs[()] = coeffs.get((), 0) - 1  # W - 1
    monos = set(coeffs) | set(target.terms)
    for m in monos:
        if coeffs.get(m, 0) != k * target.terms.get(m, 0):
            raise reader.fail("data.excess.constant", "W_{p,r}(P_Q) - 1 is not constant * (1-p)(1-r)")
    if not k > 0:
        raise reader.fail("data.excess.constant", "the constant is not positive")
    try:
        st = Statement.make("(1 - p)*(1 - r)", ">", "0", reader.get("data.domain", dict))
        if st.names != ("p", "r") or list(st.box) != [reader.symbols["p"], reader.symbols["r"]]:
            raise ProverError("domain must match the declared parameters")
        verdict, detail = verify(st, reader.get("data.positivity", dict))
    except ProverError as e:
        raise reader.fail("data.positivity", str(e)) from None
    if verdict != "verified":
        raise reader.fail("data.positivity", "(1-p)(1-r) > 0 is not proved")
    printed = reader.value("data.printed.constant")
    if reader.value("data.printed.difference") != printed - k:
        raise reader.fail("data.printed.difference", f"printed - exact = {(printed - k).to_text()}")
    note = "the printed (F16) constant agrees" if printed == k else \
        "erratum: the constant printed in (F16) differs from the exact one"
    lo, hi = k.enclosure() if hasattr(k, "enclosure") else (k, k)
    return Outcome("verified", f"non-signaling quantum P_Q with W_(p,r)(P_Q) - 1 = k (1-p)(1-r), k = {k.to_text()} "
                               f"> 0, on {st.domain_text()} ({detail}); {note}")
