"""Kind ``sos``: a quantum (Tsirelson-type) bound η ≥ ⟨B⟩ proven by a sum of squares.

The identity η·1 − B = Σ_i w_i P_i† P_i (``sos.terms``, weights w_i ≥ 0) or
η·1 − B = Σ_jk G_jk m_j† m_k with G ⪰ 0 (``sos.gram``, exact LDLᵀ) is checked in the free
algebra of ±1 observables: A_x² = 1 and operators of different parties commute.

data:
  field        optional number field of the coefficients
  scenario     binary-outcome scenario
  functional   Bell functional (notation ``conventions.form``) — or ``operator``: an expression
               in A0, A1, B0, … for B (must be Hermitian)
  bound        η   (optional ``bound_squared``: the checker verifies η ≥ 0 and η² = bound_squared)
  sos          {"terms": [{"weight": w, "polynomial": "A0 - ..."}]}  or
               {"gram": {"basis": ["1", "A0", "A0*B1", ...], "matrix": [[...]]}}
  relation     "upper" (η ≥ quantum maximum), "max" (also attained: needs ``attained_by``), or
               "bracket" (``lower_by`` is a strategy with stated ``value``: max ∈ [value, η])
  attained_by  {"state": [ψ entries], "observables": [[A_0, A_1, …], [B_0, …]],
               optional "normalization": "divide"} — entries are field expressions, complex
               entries use the name I (I² = −1), e.g. "s/2 - I*s/2". With "divide" the value is
               ⟨ψ|B|ψ⟩/⟨ψ|ψ⟩ (the normalized state), otherwise ψ must be a unit vector.
  lower_by     for "bracket": a strategy as above plus "value" (its exact Bell value)

numeric-only certificates (a candidate that could not be made exact): ``sos.gram`` also has
``shift`` t ≥ 0 with G + t·1 ⪰ 0 exactly, ``data.residual_l1`` and ``data.rigorous_upper`` U. Since every monomial
is unitary, ⟨B⟩ ≤ η + t·n + Σ|r_m| for the residual R = η·1 − B − Σ G_jk m_j† m_k = Σ r_m m;
the checker recomputes U exactly, requires U − η ≤ expected.tolerance, and answers
``numeric-only`` with the rigorous bracket — never ``verified``.
expected.counterexample (refuted): {"state": ..., "observables": ..., "value": v} with v > η.
"""
from __future__ import annotations

from fractions import Fraction

from ...kernel.algebraic import scalar_text
from ...kernel.expr import FieldAlgebra, parse
from ...kernel.linalg import psd_decide
from ...quantum.ncpoly import NCPoly, bell_operator, parse_operator
from ...quantum.trig import approx_text
from ...quantum.strategy import Complex, StrategyError, check_hermitian_observable, expectation_complex
from . import Outcome, checker


def _operator(cert, reader, sc):
    if "operator" in cert.data:
        text = reader.get("data.operator", str)
        with reader.context("data.operator"):
            B = parse_operator(text, sc.parties, sc.inputs, lambda q: reader.value("data.operator", q),
                               reader.names())
        if B.adjoint() != B:
            raise reader.fail("data.operator", "the Bell operator is not Hermitian (B† != B)")
        return B
    F = reader.functional(scenario=sc)
    with reader.context("data.functional"):
        return bell_operator(F)


def _poly(reader, where, text, sc):
    if not isinstance(text, str):
        raise reader.fail(where, "must be an operator expression string")
    with reader.context(where):
        return parse_operator(text, sc.parties, sc.inputs, lambda q: reader.value(where, q), reader.names())


def _gram(reader, where, sc):
    gram = reader.get(where, dict)
    basis = gram.get("basis")
    matrix = gram.get("matrix")
    if not isinstance(basis, list) or not isinstance(matrix, list):
        raise reader.fail(where, "needs 'basis' (list) and 'matrix' (list of rows)")
    n = len(basis)
    if n == 0:
        raise reader.fail(f"{where}.basis", "is empty")
    if len(matrix) != n or any(not isinstance(r, list) or len(r) != n for r in matrix):
        raise reader.fail(f"{where}.matrix", f"must be {n}x{n} to match the basis")
    mons = [_poly(reader, f"{where}.basis[{i}]", b, sc) for i, b in enumerate(basis)]
    for i, m in enumerate(mons):
        if len(m.terms) != 1 or next(iter(m.terms.values())) != 1:
            raise reader.fail(f"{where}.basis[{i}]", "must be a single monomial (a product of observables, or 1)")
    if len({next(iter(m.terms)) for m in mons}) != n:
        raise reader.fail(f"{where}.basis", "lists a monomial twice")
    G = [[reader.value(f"{where}.matrix[{i}][{j}]", matrix[i][j]) for j in range(n)] for i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            if G[i][j] != G[j][i]:
                raise reader.fail(f"{where}.matrix[{i}][{j}]", "Gram matrix is not symmetric")
    return mons, G


def _gram_sum(mons, G, parties) -> NCPoly:
    n = len(mons)
    total = NCPoly(parties)
    for i in range(n):
        left = mons[i].adjoint()
        for j in range(n):
            if G[i][j] != 0:
                total = total + left * mons[j] * G[i][j]
    return total


def sos_sum(reader, sc, where: str = "data.sos") -> NCPoly:
    """Σ_i w_i P_i† P_i or Σ_jk G_jk m_j† m_k, after checking w_i ≥ 0 or G ⪰ 0 (exactly)."""
    sos = reader.get(where, dict)
    total = NCPoly(sc.parties)
    if "terms" in sos:
        terms = reader.get(f"{where}.terms", list)
        if not terms:
            raise reader.fail(f"{where}.terms", "is empty")
        for i, t in enumerate(terms):
            w_at = f"{where}.terms[{i}]"
            if not isinstance(t, dict) or set(t) != {"weight", "polynomial"}:
                raise reader.fail(w_at, "must be an object {weight, polynomial}")
            w = reader.value(f"{w_at}.weight", t.get("weight"))
            if w <= 0:
                raise reader.fail(f"{w_at}.weight", "weights in a sum of squares must be positive")
            P = _poly(reader, f"{w_at}.polynomial", t.get("polynomial"), sc)
            if not P.terms:
                raise reader.fail(f"{w_at}.polynomial", "is zero")
            total = total + P.adjoint() * P * w
        return total
    if "shift" in reader.get(f"{where}.gram", dict):
        raise reader.fail(f"{where}.gram.shift", "a shifted Gram matrix proves only a numeric bound")
    mons, G = _gram(reader, f"{where}.gram", sc)
    with reader.context(f"{where}.gram.matrix"):
        res = psd_decide(G)
    if not res.psd:
        raise reader.fail(f"{where}.gram.matrix", "Gram matrix is not positive semidefinite (exact LDL^T)")
    return _gram_sum(mons, G, sc.parties)


# ---------------------------------------------------------------------------------------------
# strategies (real or complex entries)

def _scalar_parser(reader, where):
    field = reader.field
    zero = field.element([0]) if field is not None else Fraction(0)
    one = zero + 1
    names = dict(reader.names())
    if "I" in names:
        raise reader.fail(where, "the name I is reserved for the imaginary unit")
    names["I"] = Complex(zero, one)
    lift = (lambda q: field.element([q])) if field is not None else Fraction

    def read(value, at):
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise reader.fail(at, f"expected an exact number or expression, got {type(value).__name__}")
        with reader.context(at):
            if isinstance(value, int):
                return lift(value)
            return parse(value, FieldAlgebra(names=names, lift=lift))

    return read


def strategy_value(reader, where, spec, B, sc):
    """Exact Bell value of the strategy ``spec`` (validated: Hermitian ±1 observables)."""
    if not isinstance(spec, dict):
        raise reader.fail(where, "must be an object {state, observables}")
    allowed = {"state", "observables", "normalization", "value"}
    extra = set(spec) - allowed
    if extra:
        raise reader.fail(where, f"unknown field(s) {sorted(extra)}")
    read = _scalar_parser(reader, where)
    obs_raw = spec.get("observables")
    if not isinstance(obs_raw, list) or len(obs_raw) != sc.parties:
        raise reader.fail(f"{where}.observables", f"needs one list of observables per party ({sc.parties})")
    observables = []
    for i, lst in enumerate(obs_raw):
        if not isinstance(lst, list) or len(lst) != sc.inputs[i]:
            raise reader.fail(f"{where}.observables[{i}]", f"needs {sc.inputs[i]} observables")
        party = []
        for x, M in enumerate(lst):
            w = f"{where}.observables[{i}][{x}]"
            if not isinstance(M, list) or not M or any(not isinstance(r, list) for r in M):
                raise reader.fail(w, "must be a matrix (list of rows)")
            O = [[read(v, f"{w}[{r}][{c}]") for c, v in enumerate(row)] for r, row in enumerate(M)]
            with reader.context(w):
                check_hermitian_observable(O, f"observable {x} of party {i}")
            party.append(O)
        if len({len(O) for O in party}) != 1:
            raise reader.fail(f"{where}.observables[{i}]", "observables of one party differ in dimension")
        observables.append(party)
    state = spec.get("state")
    dim = 1
    for party in observables:
        dim *= len(party[0])
    if not isinstance(state, list) or len(state) != dim:
        raise reader.fail(f"{where}.state", f"must list {dim} amplitudes")
    psi = [read(v, f"{where}.state[{k}]") for k, v in enumerate(state)]
    norm = spec.get("normalization", "unit")
    if norm not in ("unit", "divide"):
        raise reader.fail(f"{where}.normalization", "must be 'unit' (default) or 'divide'")
    try:
        return expectation_complex(B, psi, observables, normalize=norm == "divide")
    except StrategyError as e:
        raise reader.fail(f"{where}.state" if "state" in str(e) else where, str(e)) from None


_strategy_value = strategy_value  # old name


def _numeric_only(cert, reader, sc, B, eta) -> Outcome:
    where = "data.sos.gram"
    mons, G = _gram(reader, where, sc)
    t = reader.value(f"{where}.shift")
    if t < 0:
        raise reader.fail(f"{where}.shift", "must be >= 0")
    n = len(G)
    shifted = [[G[i][j] + (t if i == j else 0) for j in range(n)] for i in range(n)]
    with reader.context(f"{where}.matrix"):
        res = psd_decide(shifted)
    if not res.psd:
        raise reader.fail(f"{where}.shift", "G + shift*1 is not positive semidefinite (exact LDL^T)")
    residual = (NCPoly.scalar(sc.parties, eta) - B) - _gram_sum(mons, G, sc.parties)
    l1 = sum((abs(c) for c in residual.terms.values()), 0)
    if reader.value("data.residual_l1") != l1:
        raise reader.fail("data.residual_l1", f"the residual's coefficient 1-norm is {scalar_text(l1)}")
    upper = eta + t * n + l1
    stated = reader.value("data.rigorous_upper")
    if stated != upper:
        raise reader.fail("data.rigorous_upper", f"the rigorous upper bound is {scalar_text(upper)}")
    tol = reader.rational("expected.tolerance")
    if upper - eta > tol:
        raise reader.fail("expected.tolerance", f"rigorous bound exceeds the claimed value by more than {tol}")
    lower = None
    if "lower_by" in cert.data:
        spec = reader.get("data.lower_by", dict)
        lower = strategy_value(reader, "data.lower_by", spec, B, sc)
        if reader.value("data.lower_by.value", spec.get("value")) != lower:
            raise reader.fail("data.lower_by.value", f"the strategy's value is {scalar_text(lower)}")
        if eta - lower > tol:
            raise reader.fail("data.lower_by", "strategy value is further than the tolerance from the claim")
    bracket = (scalar_text(lower) if lower is not None else "-inf", scalar_text(upper))
    return Outcome("numeric-only", f"rigorous bracket [{bracket[0]}, {bracket[1]}] around the numeric value "
                                   f"{scalar_text(eta)} (Gram shift {scalar_text(t)}, {len(residual.terms)} residual "
                                   "terms)", bracket)


@checker("sos")
def decide(cert, reader) -> Outcome:
    sc = reader.scenario()
    if any(o != 2 for o in sc.outputs):
        raise reader.fail("data.scenario", "SOS certificates in ±1 observables need binary outcomes")
    B = _operator(cert, reader, sc)
    eta = reader.value("data.bound")
    if "bound_squared" in cert.data:  # e.g. 8*p/(3*p-1) for a bound written as 2*sqrt(2)*sqrt(p/(3p-1))
        sq = reader.value("data.bound_squared")
        if eta < 0 or eta * eta != sq:
            raise reader.fail("data.bound_squared", "the bound is not the non-negative square root of this")
    relation = reader.get("data.relation", str)
    if relation not in ("max", "upper", "bracket"):
        raise reader.fail("data.relation", f"unknown relation {relation!r} (max, upper or bracket)")
    if cert.verdict == "refuted":
        cx = cert.expected["counterexample"]
        v = strategy_value(reader, "expected.counterexample", cx, B, sc)
        if not isinstance(cx, dict) or reader.value("expected.counterexample.value", cx.get("value")) != v:
            raise reader.fail("expected.counterexample.value", "does not match the strategy's exact value")
        return Outcome("refuted" if v > eta else "verified", "strategy value exceeds the claimed bound")
    if cert.verdict == "numeric-only":
        return _numeric_only(cert, reader, sc, B, eta)
    residual = (NCPoly.scalar(sc.parties, eta) - B) - sos_sum(reader, sc)
    if residual.terms:
        raise reader.fail("data.sos", f"identity eta*1 - B = SOS fails; residual has {len(residual.terms)} terms, "
                                      f"e.g. {residual.to_text()[:80]}")
    detail = "eta*1 - B is an exact sum of squares"
    bracket = None
    if relation == "max":
        v = strategy_value(reader, "data.attained_by", reader.get("data.attained_by"), B, sc)
        if v != eta:
            raise reader.fail("data.attained_by", "strategy does not attain the bound exactly")
        detail += "; attained exactly by the stated strategy"
        bracket = (approx_text(eta), approx_text(eta))
    elif relation == "bracket":
        spec = reader.get("data.lower_by", dict)
        v = strategy_value(reader, "data.lower_by", spec, B, sc)
        if reader.value("data.lower_by.value", spec.get("value")) != v:
            raise reader.fail("data.lower_by.value", f"the strategy's value is {scalar_text(v)}")
        if v == eta:
            raise reader.fail("data.relation", "the strategy attains the bound: use relation 'max'")
        detail += f"; a strategy reaches {scalar_text(v)}"
        bracket = (approx_text(v), approx_text(eta))
    return Outcome("verified", detail, bracket)
