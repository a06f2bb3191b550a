"""Kind ``steering-realisation``: an explicit quantum realisation of an assemblage, checked exactly.

data:
  field          optional real number field (entries in K(i), e.g. Q(√6)(i) for a GHJW purification)
  assemblage     the target (traditional | bob-with-input | instrumental); optional ``formula``
  realisation    (verdict verified) {"dims": [d_A, d_B], "state": ρ_AB, "povms": [x][a],
                 "channels": [y] {"kraus": [{"weight": w ≥ 0, "matrix": K}]}} — see
                 exactbell.steering.realisation for the conventions
  ghjw           optional {"traditional": τ (traditional assemblage), "K": K}: the realisation's state and
                 POVMs must be exactly the GHJW construction |ψ⟩ = Σ_j |j⟩⊗K|j⟩, M = (K⁻¹τK⁻†)ᵀ with
                 K K† = Σ_a τ_{a|x}
  order_independence  optional true (BWI): also checks σ_{a|xy} = tr_A[(M_{a|x}⊗𝟙)(id⊗E_y)(ρ)] — Bob's
                 channel applied before Alice measures gives the same assemblage (paper L62)
  heisenberg     optional Bob POVMs [y][b] (BWI): checks that E_y†(N_{b|y}) is a POVM (E_y† unital, positive)
                 and tr(N_{b|y} σ_{a|xy}) = tr[(M_{a|x} ⊗ E_y†(N_{b|y})) ρ] exactly (paper L88-L92)
verified ⇔ ρ is a state, the M's are POVMs, the channels are CPTP (exact) and they produce the target
           exactly; for BWI / instrumental targets the produced assemblage (resp. its BWI extension
           ω_{a|xy} = E_y(tr_A[(M⊗𝟙)ρ])) is also checked no-signalling (Q ⊆ G instance).
refuted   (the claim is that the assemblage is NOT quantum): expected.counterexample =
           {"realisation": ...} realising it exactly.
"""
from __future__ import annotations

from ...steering import matrices as mx
from ...steering.assemblage import Assemblage, same_blocks
from ...steering.realisation import Realisation, ghjw_povms, ghjw_state, realisation_from_spec
from . import Outcome, checker
from .steering_assemblage import read_assemblage


def read_realisation(reader, where) -> Realisation:
    spec = reader.get(where, dict)
    with reader.context(where):
        R = realisation_from_spec(spec, reader.field)
        R.validate()
    return R


def _check_ghjw(reader, R: Realisation):
    spec = reader.get("data.ghjw", dict)
    with reader.context("data.ghjw.traditional"):
        tau = Assemblage.from_spec(spec.get("traditional"), reader.field)
    if tau.type != "traditional":
        raise reader.fail("data.ghjw.traditional", "must be a traditional assemblage")
    if not tau.is_no_signalling():
        raise reader.fail("data.ghjw.traditional", "is not a no-signalling assemblage")
    with reader.context("data.ghjw.K"):
        K = mx.parse_matrix(spec.get("K"), reader.field, tau.dim, None, "K")
    if mx.matmul(K, mx.adjoint(K)) != tau.bob_marginal(0):
        raise reader.fail("data.ghjw.K", "K K^dagger != rho_B = sum_a tau[a|x]")
    if (R.dA, R.dB) != (len(K[0]), tau.dim) or R.state != ghjw_state(K):
        raise reader.fail("data.ghjw", "the realisation's state is not sum_j |j> (x) K|j>")
    with reader.context("data.ghjw.K"):
        M = ghjw_povms(tau, K)
    if R.povms != M:
        raise reader.fail("data.ghjw", "the realisation's POVMs are not (K^-1 tau K^-dagger)^T")
    saved, R.channels = R.channels, None
    produced = R.assemblage("traditional")
    R.channels = saved
    if not same_blocks(produced, tau):
        raise reader.fail("data.ghjw", "GHJW realisation does not reproduce tau")
    return tau


@checker("steering-realisation")
def decide(cert, reader) -> Outcome:
    A = read_assemblage(reader)
    refuted = cert.verdict == "refuted"
    where = "expected.counterexample.realisation" if refuted else "data.realisation"
    R = read_realisation(reader, where)
    with reader.context(where):
        produced = R.assemblage(A.type)
    if not same_blocks(produced, A):
        raise reader.fail(where, "does not reproduce the assemblage exactly")
    detail = f"exact realisation: state (d_A={R.dA}, d_B={R.dB}), {len(R.povms)} POVMs"
    if R.channels:
        detail += f", {len(R.channels)} CPTP channels"
    if "ghjw" in cert.data:
        _check_ghjw(reader, R)
        detail += "; state and POVMs are the GHJW construction"
    if A.type == "traditional":
        rho_b = mx.partial_trace_A(R.state, R.dA, R.dB)
        if any(A.bob_marginal(x) != rho_b for x in range(A.nx)) or not A.is_no_signalling():
            raise reader.fail("data.assemblage", "sum_a sigma[a|x] != tr_A rho for some x")
        detail += "; sum_a sigma[a|x] = tr_A rho = rho_B for every x (no-signalling)"
    if A.type == "bob-with-input":
        if not A.is_no_signalling():
            raise reader.fail("data.assemblage", "a quantum BWI assemblage must be no-signalling (Q ⊆ G failed)")
        detail += "; in G_BWI too"
    elif A.type == "instrumental":
        saved = R.channels
        with reader.context(where):
            omega = R.assemblage("bob-with-input")
        if not omega.is_no_signalling() or not same_blocks(omega.postselect(), A):
            raise reader.fail(where, "BWI extension is not no-signalling / does not post-select to the target")
        detail += "; its BWI extension is in G_BWI and post-selects (y=a) to it, so it is in Q_I and G_I"
        R.channels = saved
    if "order_independence" in cert.data:
        if reader.get("data.order_independence", bool) is not True or A.type != "bob-with-input":
            raise reader.fail("data.order_independence", "must be true, for a Bob-with-input assemblage")
        detail += "; " + _order_independence(reader, R, A)
    if "heisenberg" in cert.data:
        if A.type != "bob-with-input":
            raise reader.fail("data.heisenberg", "needs a Bob-with-input assemblage")
        detail += "; " + _heisenberg(reader, R, A)
    if refuted:
        return Outcome("refuted", "the assemblage claimed post-quantum has an " + detail)
    return Outcome("verified", "quantum: " + detail)


def _order_independence(reader, R, A):
    for y, ch in enumerate(R.channels):
        rho_y = R.local_channel_state(ch)
        for x in range(A.nx):
            for a in range(A.na):
                if mx.steer(rho_y, R.povms[x][a], R.dA, R.dB) != A.block(a, x, y):
                    raise reader.fail("data.order_independence", f"differs at a={a}, x={x}, y={y}")
    return "same assemblage with E_y applied before Alice's measurement"


def _heisenberg(reader, R, A):
    from ...steering.assemblage import AssemblageError, check_povm
    from .steering_correlations import read_povms

    povms = read_povms(reader, "data.heisenberg", A.dim, A.ny)
    for y, P in enumerate(povms):
        try:
            check_povm(P, A.dim, f"Bob's POVM y={y}", reader.field)
            check_povm([R.channels[y].adjoint_apply(N) for N in P], R.dB, f"E_{y}^dagger(N)", reader.field)
        except AssemblageError as e:
            raise reader.fail(f"data.heisenberg[{y}]", str(e)) from None
        for b, N in enumerate(P):
            Nd = R.channels[y].adjoint_apply(N)
            big_n = mx.kron(mx.identity(R.dA), Nd)
            for x in range(A.nx):
                for a in range(A.na):
                    lhs = mx.trace(mx.matmul(N, A.block(a, x, y)))
                    rhs = mx.trace(mx.matmul(mx.matmul(mx.kron(R.povms[x][a], mx.identity(R.dB)), big_n), R.state))
                    if lhs != rhs:
                        raise reader.fail(f"data.heisenberg[{y}]", f"tr(N sigma) != tr[(M (x) E^dagger(N)) rho] at "
                                                                   f"a={a}, b={b}, x={x}")
    return "E_y^dagger(N_b) are POVMs and reproduce p(ab|xy) on the shared state"
