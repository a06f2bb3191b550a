"""Kind ``assemblage-dual``: σ ∉ Q_BWI by an exact dual of the outer moment relaxation (binary outcomes).

The kernel builds the relaxation of :func:`exactbell.kernel.steering.relaxation_coefficients` at the
stated level (words in Alice's projectors of length ≤ level) and the functional f from the file's dual
point; f ≥ 0 on Q_BWI when every Z^y ⪰ 0 and every coefficient of a word other than ∅ and P_x vanishes.
data:
  field, assemblage   as in kind ``assemblage`` (bob-with-input, binary outcomes, in G_BWI)
  level       the relaxation level (1..3)
  Z           [Z^y] Hermitian (n_words·d)² matrices, indexed word-major (the kernel's word order), then Bob's basis
  lambda      per y ≥ 1 a list of [word, λ^y_w] ("0,1" = P_0 P_1, "" = 𝟙): multipliers of tr Γ^0_w = tr Γ^y_w
  lower       optional {"visibility": v₀, "realisation": as in ``assemblage``} of v₀σ + (1−v₀)N
  paper       optional "post-quantum"
verified: σ ∉ Q_BWI, every quantum vσ + (1−v)N (N = 𝟙/(2d)) has v ≤ f(N)/(f(N) − f(σ)).
numeric-only: the dual point is not an exact proof (Z not PSD, a coefficient does not vanish, f(σ) ≥ 0).
"""
from __future__ import annotations

from .. import steering as st
from ..params import scalar_text
from . import Decision, against_paper, kind
from .assemblage import _matrix, assemblage_text, read_assemblage, read_realisation


def _word(ctx, where, text, nx):
    if not isinstance(text, str) or not all(p.isdigit() and int(p) < nx for p in text.split(",") if text):
        raise ctx.fail(where, f"a word is a comma-separated list of labels < {nx} ('' = identity)")
    w = tuple(int(p) for p in text.split(",")) if text else ()
    if st.reduce_word(w) != w:
        raise ctx.fail(where, "a word has no equal neighbours (P_x P_x = P_x)")
    return w


@kind("assemblage-dual")
def decide(cert, ctx, data) -> Decision:
    cert.conventions.text("tensor", ("alice-first",))
    ctx.read_field(data)
    A = read_assemblage(ctx, data, types=("bob-with-input",))
    if A.na != 2 or ctx._guard("data.assemblage", lambda: A.not_psd(ctx.field)) or A.signalling():
        raise ctx.fail("data.assemblage", "needs binary outcomes a and an assemblage in G_BWI")
    level = data.int("level", 0, 3)
    ws = st.words(A.nx, level)
    n = len(ws) * A.dim
    Zs = [_matrix(ctx, f"data.Z[{y}]", Z, n) for y, Z in enumerate(data.list("Z", A.ny))]
    lambdas = []
    for y, L in enumerate(data.list("lambda", A.ny - 1)):
        lam = {}
        for k, item in enumerate(L if isinstance(L, list) else [None]):
            where = f"data.lambda[{y}][{k}]"
            if not isinstance(item, list) or len(item) != 2:
                raise ctx.fail(where, "is [word, value]")
            w = _word(ctx, where, item[0], A.nx)
            if w in lam:
                raise ctx.fail(where, "word listed twice")
            lam[w] = _matrix(ctx, where, [[item[1]]], 1)[0][0]
        lambdas.append(lam)
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
    head = (f"the bob-with-input assemblage on C^{A.dim} with {A.nx} inputs x, 2 outcomes a, {A.ny} inputs y, "
            f"{assemblage_text(A)}")
    relax = f"the level-{level} outer moment relaxation of Q_BWI ({len(ws)} projector words"
    flaw = next((f"Z[{y}] is not PSD" for y, Z in enumerate(Zs) if not ctx._guard(
        f"data.Z[{y}]", lambda: st.is_psd(Z, ctx.field)).psd), None)
    flaw = flaw or next((f"the coefficient of word {w} (y = {y}) does not vanish" for y, C in enumerate(Cs)
                         for w, M in sorted(C.items()) if len(w) > 1 and any(any(r) for r in M)), None)
    flaw = flaw or (None if fA < 0 else f"f(sigma) = {scalar_text(fA)} >= 0")
    paper = data.text("paper", ("post-quantum",)) if data.has("paper") else None
    if flaw:
        return Decision(f"{head}: the dual point for {relax}) proves nothing ({flaw}){low_text}", "numeric-only",
                        flaw, bracket=(lower, "1"))
    if fN < 0:
        raise ctx.fail("data.Z", "f(noise) < 0 although white noise is quantum")
    vb = fN / (fN - fA)
    statement = (f"{head}: is not in Q_BWI: an exact dual of {relax}; Z >= 0 by exact LDL^T) gives a steering "
                 f"functional f >= 0 on Q_BWI with f(sigma) = {scalar_text(fA)} and f(N) = {scalar_text(fN)} for white "
                 f"noise N[a|xy] = (1/{2 * A.dim})*1, so every quantum v*sigma + (1-v)*N has v <= {scalar_text(vb)}{low_text}")
    where = ", ".join(t for t in (ctx.quantifier(), ctx.field_text()) if t)
    statement += f"; {where}" if where else ""
    statement, verdict = against_paper(statement, True if paper else None, "sigma is post-quantum" if paper else None)
    return Decision(statement, verdict, "exact dual of the outer moment relaxation", bracket=(lower, scalar_text(vb)))
