"""Kernel certificates of a no-signalling bound (producer side of :meth:`exactbell.api.NSBound.certificates`).

The kernel's ``lp`` kind builds no-signalling LPs only for the functionals it names (CGLMP_d on (2,2;d,d),
I3322 on (3,3;2,2); docs/kinds/lp.md): the measurement-dependence LP over the local model, whose
columns q(ctx, λ) reach every behaviour, with f(p) = t, no-signalling and normalisation imposed. For a
functional F equal on no-signalling behaviours to α·f + β (α > 0) three certificates decide
max_NS ⟨F, P⟩ = α·t* + β:

1. ``identity`` (mode ns): ⟨F, P⟩ = ⟨α f, P⟩ + β on every normalised no-signalling P (omitted when F has
   f's coefficients exactly);
2. ``lp`` feasible: f(p) = t* is attained by a no-signalling behaviour (the optimal primal of the NS LP);
3. ``lp`` infeasible for every t in (t*, t* + 1]: a Farkas point, the NS LP's dual; the feasible values of
   f form an interval, so none exceeds t*.
The last inference (and the scaling by α, β) is stated in the certificates' summaries, not decided.
"""
from __future__ import annotations

from fractions import Fraction

from .certificates.format import envelope2
from .kernel import lp as L
from .kernel.numbers import format_rational as R

CONV = {"lp": "exactbell.kernel.lp: the measurement-dependence LP over the local model: columns q(ctx, lambda), "
              "then the auxiliaries of M; rows: the functional, no-signalling, normalisation, then the M rows",
        "order": "inputs-major: index = context*#outcomes + outcome, contexts and outcomes lexicographic"}


def named_functional(sc) -> tuple[str, int | None, list] | None:
    """(kernel name, d, coefficients in canonical order) of the functional the kernel names in ``sc``."""
    if sc.parties != 2:
        return None
    if sc.inputs == (3, 3) and sc.outputs == (2, 2):
        f = L.i3322()
        return "i3322", None, [f.get(k, Fraction(0)) for k in range(sc.size)]
    if sc.inputs == (2, 2) and sc.outputs[0] == sc.outputs[1] and 2 <= sc.outputs[0] <= 16:
        from .kernel.models import cglmp

        return "cglmp", sc.outputs[0], [Fraction(c) for c in cglmp(sc.outputs[0])]
    return None


def _affine_match(F, G) -> tuple[Fraction, Fraction] | None:
    """(α, β) with ⟨F, P⟩ = α⟨G, P⟩ + β on no-signalling behaviours, α > 0, or None (Collins–Gisin arrays
    are unique on the no-signalling set)."""
    from .interop.arrays import _entries, shape, to_array

    want = shape(F.scenario, "cg")
    cf, cg = (_entries(to_array(H, "cg"), want, "F") for H in (F, G))
    origin = (0,) * len(want)
    ratios = {cf[i] / cg[i] for i in cg if i != origin and cg[i] != 0}
    if len(ratios) != 1 or any(cg[i] == 0 and cf[i] != 0 for i in cg if i != origin):
        return None
    alpha = ratios.pop()
    return (alpha, cf[origin] - alpha * cg[origin]) if alpha > 0 else None


def _identity(F, G, alpha, beta, id_: str) -> dict:
    """``identity`` mode ns: F − α G = Σ μ_k N_k + Σ ν_x S_x, solved exactly over the kernel's N_k, S_x."""
    from .kernel.kinds.identity import ns_constraints
    from .sdp.exact import rref

    sc = F.scenario
    ns, norm = ns_constraints(sc)
    gens = ns + norm
    rhs = [f - alpha * g for f, g in zip(F.coefficients, G.coefficients)]
    R_, piv = rref([[Fraction(v[i]) for v in gens] + [rhs[i]] for i in range(sc.size)])
    if len(gens) in piv:
        raise RuntimeError("ns_bound: F - alpha*f is not a no-signalling combination")
    sol = [Fraction(0)] * len(gens)
    for r, c in enumerate(piv):
        sol[c] = R_[r][-1]
    mu, nu = sol[:len(ns)], sol[len(ns):]
    assert sum(nu) == beta
    data = {"mode": "ns", "scenario": sc.to_spec(), "functional": {"coefficients": [R(c) for c in F.coefficients]},
            "other": {"coefficients": [R(alpha * c) for c in G.coefficients]},
            "multipliers": {"ns": [R(m) for m in mu], "normalisation": [R(n) for n in nu]}}
    return envelope2(id_, "user", "user", "exactbell.api.ns_bound",
                     f"F equals {R(alpha)} times the kernel's named functional plus {R(beta)} on no-signalling "
                     f"behaviours.", "identity", "verified", {"form": "probability", "order": "inputs-major"}, data)


def certificates(F, value: Fraction, ns_bound) -> list[dict]:
    """The certificate dicts of max_NS ⟨F, P⟩ = ``value`` (see the module docstring); ``ns_bound`` solves
    the NS LP of the named functional (its exact primal and dual are the witnesses)."""
    sc = F.scenario
    named = named_functional(sc)
    if named is None:
        raise NotImplementedError(
            f"ns_bound: the kernel decides no-signalling LPs only for the functionals it names (CGLMP_d on "
            f"(2,2;d,d), I3322 on (3,3;2,2)); {sc!r} has none, so this bound has no certificate")
    name, d, coeffs = named
    from .api import BellFunctional

    G = BellFunctional.from_probabilities(sc, coeffs)
    match = _affine_match(F, G)
    if match is None:
        raise NotImplementedError(f"ns_bound: F is not a positive multiple of the kernel's {name} (plus a constant) "
                                  f"on no-signalling behaviours, so this bound has no certificate")
    alpha, beta = match
    ns = ns_bound(G)
    t = ns.value
    if alpha * t + beta != value:
        raise RuntimeError("ns_bound: the bound of F and of the named functional disagree")
    model = L.local_model([[m, o] for m, o in zip(sc.inputs, sc.outputs)])
    spec = {"model": {"local": [[m, o] for m, o in zip(sc.inputs, sc.outputs)]},
            "observed": {"functional": name, **({"d": d} if d else {}), "value": "t"},
            "objective": {"measure": "M"}}
    f = {k: c for k, c in enumerate(coeffs) if c}
    lp = L.build(model, True, ("functional", f, Fraction(0), Fraction(1)), {"measure": "M"}, 1)
    n, nctx, nout = model.n, len(model.contexts), len(model.outcomes)
    # feasible at t*: q(c, λ) = p*(o|c)/#contexts on the response λ answering o whatever the inputs
    constant = {tuple(tuple(lam[a]) for a in model.outputs): k for k, lam in enumerate(model.responses)}
    x = {}
    for c in range(nctx):
        for oi, o in enumerate(model.outcomes):
            p = ns.primal[c * nout + oi]
            if p:
                lam = constant[tuple((o[k],) * sc.inputs[k] for k in range(sc.parties))]
                x[c * n + lam] = x.get(c * n + lam, 0) + p / nctx
    for c in range(nctx):
        for lam in {j % n for j in x}:
            gap = nctx * x.get(c * n + lam, 0) - sum(x.get(c2 * n + lam, 0) for c2 in range(nctx))
            if gap:
                x[nctx * n + c * n + lam] = abs(gap) / nctx
    L.primal(lp, x, t)  # raises LPError if a row fails
    # infeasible above t*: y = (1 on the functional row, minus the NS LP's dual on the NS and normalisation rows)
    rows_ns = len(L.ns_rows(model))  # kernel rows: functional, NS, normalisation; ns_bound: normalisation, NS
    y = {0: Fraction(1)}
    for i, v in ns.dual.items():
        y[1 + i - nctx if i >= nctx else 1 + rows_ns + i] = -v
    a, b = L.dual(lp, {i: v for i, v in y.items() if v}, farkas=True)
    if (a, b) != (-t, 1):
        raise RuntimeError("ns_bound: the Farkas point does not bound the functional")
    label = f"CGLMP_{d}" if name == "cglmp" else "I3322"
    out = []
    if tuple(F.coefficients) != tuple(coeffs) or alpha != 1:
        out.append(_identity(F, G, alpha, beta, "user.ns.identity"))
    vec = lambda v: [[k, R(v[k])] for k in sorted(v) if v[k]]
    out.append(envelope2("user.ns.attained", "user", "user", "exactbell.api.ns_bound",
                         f"A no-signalling behaviour reaches {label} = {R(t)}.", "lp", "verified", CONV,
                         {**spec, "claim": "feasible", "primal": vec(x)}, {"t": R(t)}))
    out.append(envelope2("user.ns.upper", "user", "user", "exactbell.api.ns_bound",
                         f"No no-signalling behaviour has {label} > {R(t)} (Farkas point valid for every t in "
                         f"({R(t)}, {R(t + 1)}]; the feasible values of {label} form an interval, so none exceeds "
                         f"{R(t)}: stated, not decided). Hence max_NS F = {R(alpha)}*{R(t)} + {R(beta)} = {R(value)}.",
                         "lp", "verified", CONV, {**spec, "claim": "infeasible", "farkas": vec(y)},
                         {"t": f"({R(t)}, {R(t + 1)}]"}))
    return out
