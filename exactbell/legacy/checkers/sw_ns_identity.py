"""Kind ``sw-ns-identity``: two Bell functionals agree on every normalised non-signaling behaviour.

F(P) = G(P) for all NS P follows from F - G = Σ_k μ_k N_k + Σ_xy ν_xy S_xy with Σ ν_xy = 0, where
N_k are the four NS functionals of Sec. II (p_B(0|0,y) - p_B(0|1,y), p_A(0|x,0) - p_A(0|x,1))
and S_xy the block sums (= 1 on normalised behaviours). The 8 vectors are linearly independent,
so the multipliers are unique; the checker verifies the identity coefficientwise, exactly (as
rational functions of the symbolic parameters).

data:
  scenario, functional (F), other {"functional": G} (both in ``conventions.form``)
  multipliers {"ns": [μ_1..μ_4], "normalisation": [ν_00, ν_01, ν_10, ν_11]}
  variables   names of symbolic parameters (the identity is one of rational functions)
"""
from __future__ import annotations

from ...kernel.functional import SW_SCENARIO, functional_from_spec
from ...kernel.poly import RationalFunction
from ...kernel.scenario import Behaviour
from ...polytopes.signaling import ns_products_a_to_b, ns_products_b_to_a
from . import Outcome, checker


def constraint_vectors() -> tuple[list, list]:
    """Coefficient vectors (canonical order) of the 4 NS functionals and the 4 block sums."""
    n = SW_SCENARIO.size
    basis = [Behaviour(SW_SCENARIO, tuple(int(i == j) for i in range(n))) for j in range(n)]
    ns = [[f(e)[k] for e in basis] for f in (ns_products_a_to_b, ns_products_b_to_a) for k in (0, 1)]
    norm = [[int(x == ctx) for (_a, x) in SW_SCENARIO.entries()] for ctx in SW_SCENARIO.contexts]
    return ns, norm


@checker("sw-ns-identity")
def decide(cert, reader) -> Outcome:
    sc = reader.scenario()
    if sc != SW_SCENARIO:
        raise reader.fail("data.scenario", "this kind is for the minimal scenario (2 inputs, 2 outputs each)")
    variables = reader.get("data.variables", list, default=[])
    if any(not isinstance(v, str) or not v.isidentifier() for v in variables) or reader.symbols:
        raise reader.fail("data.variables", "symbolic parameters are listed by name here (identity of rational "
                                            "functions; no range needed)")
    names = list(variables) + list(reader.fixed)

    def coeff(c):
        f = RationalFunction.parse(c, names) if isinstance(c, str) else RationalFunction.lift(reader.rational("data", c))
        if reader.fixed:
            f = RationalFunction(f.num.substitute(reader.fixed), f.den.substitute(reader.fixed))
        return f

    with reader.context("data.functional"):
        F = functional_from_spec(sc, reader.get("data.functional", dict), cert.conventions, coeff)
    with reader.context("data.other.functional"):
        G = functional_from_spec(sc, reader.get("data.other.functional", dict), cert.conventions, coeff)
    mult = reader.get("data.multipliers", dict)
    mu_raw, nu_raw = mult.get("ns"), mult.get("normalisation")
    if not (isinstance(mu_raw, list) and len(mu_raw) == 4 and isinstance(nu_raw, list) and len(nu_raw) == 4):
        raise reader.fail("data.multipliers", "needs 4 'ns' and 4 'normalisation' multipliers")
    with reader.context("data.multipliers"):
        mu = [coeff(m) for m in mu_raw]
        nu = [coeff(m) for m in nu_raw]
    if sum(nu[1:], nu[0]) != RationalFunction.lift(0):
        raise reader.fail("data.multipliers.normalisation", "must sum to 0 (else F - G is a nonzero constant)")
    ns, norm = constraint_vectors()
    for i in range(sc.size):
        rhs = sum((m * v[i] for m, v in zip(mu, ns) if v[i]), RationalFunction.lift(0))
        rhs = sum((m * v[i] for m, v in zip(nu, norm) if v[i]), rhs)
        if RationalFunction.lift(F.coefficients[i]) - G.coefficients[i] != rhs:
            raise reader.fail("data.multipliers", f"F - G differs from the combination at coefficient {i}")
    return Outcome("verified", "F - G is a combination of the NS and normalisation constraints: F = G on every "
                               "normalised non-signaling behaviour")
