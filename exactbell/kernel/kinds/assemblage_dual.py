"""Kind ``assemblage-dual``: σ ∉ Q_BWI by an exact dual of the outer moment relaxation (binary outcomes).

The kernel builds the relaxation of :func:`exactbell.kernel.steering.relaxation_coefficients` at the
stated level (words in Alice's projectors of length ≤ level) and the functional f from the file's dual
point; f ≥ 0 on Q_BWI when every Z^y ⪰ 0 and every coefficient of a word other than ∅ and P_x vanishes.
data:
  field, assemblage   as in kind ``assemblage`` (bob-with-input, binary outcomes, in G_BWI)
  level       the relaxation level (1..3)
  Z           [Z^y] Hermitian (n_words·d)² matrices, indexed word-major (the kernel's word order), then Bob's basis
  lambda      per y ≥ 1 a list of [word, λ^y_w] ("0,1" = P_0 P_1, "" = 𝟙; a word of the moment matrix, length
              ≤ 2·level): multipliers of tr Γ^0_w = tr Γ^y_w
  lower       optional {"visibility": v₀, "realisation": as in ``assemblage``} of v₀σ + (1−v₀)N
  paper       optional "post-quantum"
verified: σ ∉ Q_BWI, every quantum vσ + (1−v)N (N = 𝟙/(2d)) has v ≤ f(N)/(f(N) − f(σ)).
numeric-only: the dual point is not an exact proof (Z not PSD, a coefficient does not vanish, f(σ) ≥ 0).
"""
from __future__ import annotations

from .. import steering as st
from ..gaussian import herm_psd
from ..params import scalar_text
from . import Decision, against_paper, kind
from .assemblage import head, in_g, matrix, read_assemblage, read_realisation, tail


@kind("assemblage-dual")
def decide(cert, ctx, data) -> Decision:
    cert.conventions.text("tensor", ("alice-first",))
    ctx.read_field(data)
    A = read_assemblage(ctx, data, types=("bob-with-input",))
    if A.na != 2 or not in_g(ctx, A, "data.assemblage"):
        raise ctx.fail("data.assemblage", "needs binary outcomes a and an assemblage in G_BWI")
    level = data.int("level", 0, 3)
    ws = st.words(A.nx, level)
    Zs = [matrix(ctx, f"data.Z[{y}]", Z, len(ws) * A.dim) for y, Z in enumerate(data.list("Z", A.ny))]
    names = {",".join(map(str, w)): w for w in st.words(A.nx, 2 * level)}
    lambdas = []
    for y, L in enumerate(data.list("lambda", A.ny - 1)):
        if not isinstance(L, list) or not all(isinstance(it, list) and len(it) == 2 and isinstance(it[0], str)
                                              and it[0] in names for it in L) or len({it[0] for it in L}) != len(L):
            raise ctx.fail(f"data.lambda[{y}]", f"distinct [word, value] pairs, a word of length <= {2 * level} in "
                                                f"labels < {A.nx}, no equal neighbours, comma-separated ('' = identity)")
        lambdas.append({names[w]: matrix(ctx, f"data.lambda[{y}]", [[v]], 1)[0][0] for w, v in L})
    Cs = st.relaxation_coefficients(Zs, lambdas, ws, A.dim)
    fA, fN = st.relaxation_value(Cs, A), st.relaxation_value(Cs, A.mix(0))
    if fA.im != 0 or fN.im != 0:
        raise ctx.fail("data.Z", "the functional is not real")
    fA, fN = fA.re, fN.re
    lower, low_text = "0", ""
    if data.has("lower"):
        lo = data.obj("lower")
        v0 = ctx.value(lo, "visibility")
        if not 0 <= v0 <= 1:
            raise ctx.fail(lo.at("visibility"), "must lie in [0, 1]")
        R = read_realisation(ctx, lo, A.mix(v0))
        if not R["cp"]:
            raise ctx.fail(lo.at("realisation"), "needs CPTP channels")
        lower = scalar_text(v0)
        low_text = f"; v = {lower} is quantum: v*sigma + (1-v)*N equals {R['text']}"
    relax = f"the level-{level} outer moment relaxation of Q_BWI ({len(ws)} projector words"
    flaw = next((f"Z[{y}] is not PSD" for y, Z in enumerate(Zs)
                 if not ctx.guard(f"data.Z[{y}]", lambda: herm_psd(Z, ctx.field)).psd), None)
    flaw = flaw or next((f"the coefficient of word {w} (y = {y}) does not vanish" for y, C in enumerate(Cs)
                         for w, M in sorted(C.items()) if len(w) > 1 and any(any(r) for r in M)), None)
    flaw = flaw or (None if fA < 0 else f"f(sigma) = {scalar_text(fA)} >= 0")
    paper = data.text("paper", ("post-quantum",)) if data.has("paper") else None
    if flaw:
        return Decision(f"{head(A)}: the dual point for {relax}) proves nothing ({flaw}){low_text}", "numeric-only",
                        flaw, bracket=(lower, "1"))
    if fN < 0:
        raise ctx.fail("data.Z", "f(noise) < 0 although white noise is quantum")
    vb = fN / (fN - fA)
    statement = (f"{head(A)}: is not in Q_BWI: an exact dual of {relax}; Z >= 0 by exact LDL^T) gives a steering "
                 f"functional f >= 0 on Q_BWI with f(sigma) = {scalar_text(fA)} and f(N) = {scalar_text(fN)} for white "
                 f"noise N[a|xy] = (1/{2 * A.dim})*1, so every quantum v*sigma + (1-v)*N has v <= {scalar_text(vb)}"
                 f"{low_text}{tail(ctx)}")
    statement, verdict = against_paper(statement, True if paper else None, "sigma is post-quantum" if paper else None)
    return Decision(statement, verdict, "exact dual of the outer moment relaxation", bracket=(lower, scalar_text(vb)))
