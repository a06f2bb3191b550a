"""Kinds ``assemblage`` (one assemblage σ over Q(i) or K(i), Sainz–Hoban–Skrzypczyk–Aolita, PRL 125, 050404 (2020):
PSD and no-signalling decided, a realisation (Eqs. (1), (7)), BWI extension (Def. 4) and Bob's measurements
recomputed) and ``assemblage-dual`` (σ ∉ Q_BWI by an exact dual point of the outer moment relaxation)."""
from fractions import Fraction
from itertools import product

from .. import steering as st
from ..gaussian import ONE, Gaussian, gaussian_text, herm_psd, matrix_text, read_matrix
from ..linalg import identity, is_matrix, mul, rank, trace
from ..models import read_functional
from ..numbers import digest
from ..params import scalar_text
from ..poly import Poly
from ..scenario import Behaviour, Scenario
from . import Decision, against_paper, kind
from .strategy_value import weighted, where_text

T, B, I = st.TYPES
QUANTUM = {T: "has a quantum realisation", B: "is in Q_BWI (Def. 1)", I: "is in Q_I (Def. 3)"}
PAPER = {"no-signalling": {T: "no-signalling", B: "in G_BWI", I: "in G_I"},
         "quantum": {T: "quantum", B: "in Q_BWI", I: "in Q_I"},
         "post-quantum": {T: "not quantum", B: "not in Q_BWI", I: "not in Q_I"}}


def not_psd_text(what, res) -> str:
    v = ", ".join(map(gaussian_text, res.witness))
    return f"(v = [{v}], v^dagger {what} v = {gaussian_text(res.witness_value)}"


def read_assemblage(ctx, data, key="assemblage", types=st.TYPES):
    spec = data.obj(key)
    t = spec.text("type", types)
    d, nx, na = spec.int("dim", 1, 8), spec.int("x", 1, 16), spec.int("a", 1, 16)
    ny = spec.int("y", 1, 16) if t == B else 1
    raw = spec.list("blocks", ny if t == B else nx)
    layers = raw if t == B else [raw]
    ctx.need(all(is_matrix(L, nx, na) for L in layers), spec.at("blocks"),
             f"needs [{'y][' if t == B else ''}x][a] with {nx} x and {na} a")
    blocks = {(y, x, a): read_matrix(ctx, spec.at(f"blocks[{y}][{x}][{a}]"), layers[y][x][a], d)
              for y, x, a in product(range(ny), range(nx), range(na))}
    return st.Assemblage(t, d, nx, na, ny, blocks)


def in_g(ctx, A, where) -> bool:
    """Every block PSD and no-signalling (exact)."""
    return not ctx.guard(where, lambda: A.not_psd(ctx.field)) and not A.signalling()


def assemblage_text(A, single=None) -> str:
    """The blocks (or one matrix) in Pauli coordinates (c0, cX, cY, cZ) for d = 2, else as matrices; long: a digest."""
    def one(M):
        if A.dim != 2:
            return matrix_text(M)
        h = Fraction(1, 2)
        c = [(M[0][0] + M[1][1]) * h, (M[0][1] + M[1][0]) * h, (M[0][1] - M[1][0]) * Gaussian(0, h),
             (M[0][0] - M[1][1]) * h]
        return "(" + ", ".join(scalar_text(z.re) if z.im == 0 else z.to_text() for z in c) + ")"
    if single is not None:
        return one(single)
    body = "[" + ", ".join("[" + ", ".join("[" + ", ".join(one(A.blocks[(y, x, a)]) for a in range(A.na)) + "]"
                                           for x in range(A.nx)) + "]" for y in range(A.ny)) + "]"
    body, basis = body[1:-1] if A.ny == 1 else body, " in the Pauli basis (c0, cX, cY, cZ)" if A.dim == 2 else ""
    if len(body) > 400:
        return f"sigma#{digest(body)} (sha256 of the canonical blocks{basis})"
    return f"sigma = {body}{basis}"


def head(A) -> str:
    return (f"the {A.type} assemblage on C^{A.dim} with {A.nx} inputs x, {A.na} outcomes a"
            + (f", {A.ny} inputs y" if A.type == B else "") + f", {assemblage_text(A)}")


def tail(ctx) -> str:
    return f"; {where_text(ctx)}" if where_text(ctx) else ""


def read_map(ctx, ch, d):
    """(Kraus terms or None, Choi matrix or None, text, CP?) of a map on C^d: weighted Kraus operators (CPTP) or a
    Choi matrix with an SOS proof of positivity (TP and CP decided)."""
    if ch.has("kraus"):
        terms = weighted(ctx, ch, "kraus", "matrix", lambda t, k: read_matrix(ctx, t.at(k), t.get(k), d))
        bad = st.kraus_failure(terms, d) if terms else "no Kraus operators"
        ctx.need(not bad, ch.at("kraus"), f"not a CPTP map on C^{d}: {bad}")
        ident = len(terms) == 1 and terms[0][0] == 1 and terms[0][1] == identity(d, ONE)
        return terms, None, "identity" if ident else f"a CPTP map ({len(terms)} weighted Kraus operators)", True
    ctx.cert.conventions.text("choi", ("blocks",))
    J = read_matrix(ctx, ch.at("choi"), ch.get("choi"), d * d)
    ctx.need(st.choi_trace_preserving(J, d), ch.at("choi"), "the map is not trace preserving")
    names = st.map_variables(d)
    terms = weighted(ctx, ch, "sos", "polynomial", lambda t, k: ctx.guard(t.at(k), lambda: Poly.parse(t.get(k), names)))
    form = ctx.guard(ch.at("choi"), lambda: st.biquadratic_form(J, d))
    ctx.need(sum((q * q * w for w, q in terms), Poly()) == form, ch.at("sos"),
             "<w|Lambda(|u><u|)|w> is not the stated sum of squares")
    res = ctx.guard(ch.at("choi"), lambda: herm_psd(J, ctx.field))
    cp = "CP" if res.psd else f"not CP {not_psd_text('J', res)})"
    return None, J, (f"{st.named_map(J, d)} (positive by an exact SOS of <w|Lambda(|u><u|)|w>, "
                     f"trace preserving, {cp})"), res.psd


def read_povms(ctx, obj, settings, outcomes, d):
    """obj.povms: [setting][outcome] PSD elements on C^d summing to 𝟙 (``outcomes`` None: equally many)."""
    raw, at = obj.list("povms", settings), obj.at("povms")
    k = outcomes or (len(raw[0]) if raw and isinstance(raw[0], list) else 0)
    ctx.need(raw and k and all(isinstance(P, list) and len(P) == k for P in raw), at,
             f"[setting][outcome] lists, {k or 'equally many'} elements per setting")
    P = [[read_matrix(ctx, f"{at}[{s}][{b}]", E, d) for b, E in enumerate(row)] for s, row in enumerate(raw)]
    bad = next(filter(None, (ctx.guard(at, lambda: st.povm_failure(Q, d, ctx.field)) for Q in P)), None)
    ctx.need(bad is None, at, f"not a POVM: {bad}")
    return P


def read_realisation(ctx, data, A):
    """σ_{a|xy} = E_y(tr_A[(M_{a|x}⊗𝟙)ρ]) (Eqs. (1), (7)), recomputed; facts implied by the realisation."""
    r = data.obj("realisation")
    dA, dB = dims = r.list("dims", 2)
    ctx.need(all(type(v) is int and 1 <= v <= 8 for v in dims) and dB == A.dim, r.at("dims"),
             f"[d_A, d_B] with 1 <= d_A <= 8 and d_B = {A.dim}")
    rho = read_matrix(ctx, r.at("state"), r.get("state"), dA * dB)
    ctx.need(ctx.guard(r.at("state"), lambda: herm_psd(rho, ctx.field)).psd and trace(rho) == 1, r.at("state"),
             "not a state (PSD, trace 1)")
    povms = read_povms(ctx, r, A.nx, A.na, dA)
    count = {T: 0, B: A.ny, I: A.na}[A.type]
    maps = [read_map(ctx, ch, dB) for ch in (r.objs("channels", count) if count else [])]
    steered = {(x, a): st.steer(rho, povms[x][a], dA, dB) for x in range(A.nx) for a in range(A.na)}  # once per y
    for (y, x, a), S in sorted(A.blocks.items()):
        tau = steered[(x, a)]
        if maps:
            m = maps[a if A.type == I else y]
            tau = st.kraus_apply(m[0], tau) if m[0] else st.choi_apply(m[1], dB, tau)
        ctx.need(tau == S, r.where, f"does not produce {A.label((y, x, a))} exactly")
    text = (f"tr_A[(M[a|x] (x) 1) rho] for a state rho on C^{dA} (x) C^{dB} and {A.nx} POVMs M of Alice"
            + (", followed by " + "; ".join(f"E_{y} = {m[2]}" for y, m in enumerate(maps)) if maps else ""))
    facts = []
    if r.has("ghjw"):
        K = read_matrix(ctx, r.at("ghjw"), r.get("ghjw"), dB, dA)
        psi = [K[b][a] for a in range(dA) for b in range(dB)]
        ctx.need(dA == dB and rank(K) == dB and rho == [[p * q.conj() for q in psi] for p in psi], r.at("ghjw"),
                 "the state is not |psi><psi|, psi = sum_j |j> (x) K|j> with K invertible")
        facts.append("the state is the GHJW purification sum_j |j> (x) K|j> of rho_B = K K^dagger (K invertible)")
    if r.has("order_independent"):  # E_y acts on B only: it commutes with tr_A[(M ⊗ 𝟙) ·]
        ctx.need(r.flag("order_independent") is True and A.type == B and all(m[0] for m in maps),
                 r.at("order_independent"), "true, for a Bob-with-input realisation by Kraus channels")
        facts.append("applying E_y to Bob's half before Alice measures gives the same assemblage")
    if A.type == I:  # ω_{a|xy} = E_y(τ_{a|x}) is PSD, Σ_a ω_{a|xy} = E_y(ρ_B), tr ω_{a|xy} = tr τ_{a|x}
        facts.append("its BWI extension omega[a|xy] = E_y(tr_A[(M[a|x] (x) 1) rho]) is in G_BWI and "
                     "post-selects (y = a) to sigma, so sigma is in G_I")
    return dict(maps=maps, cp=all(m[3] for m in maps), text=text, facts=facts)


def read_measurement(ctx, data, A, R):
    """p(ab|xy) = tr(N_{b|y} σ_{a|xy}) for Bob's POVMs N, and ⟨F, p⟩."""
    m = data.obj("measurement")
    ctx.cert.conventions.text("order", ("inputs-major",))
    ctx.need(A.type != I, m.where, "Bob's measurements are not defined for an instrumental assemblage")
    N = read_povms(ctx, m, A.ny if A.type == B else None, None, A.dim)
    sc = Scenario((A.nx, len(N)), (A.na, len(N[0])))
    vals = [trace(mul(N[y][b], A.blocks[(y if A.ny > 1 else 0, x, a)])) for (a, b), (x, y) in sc.entries()]
    ctx.need(all(z.im == 0 for z in vals), m.at("povms"), "tr(N sigma) is not real")
    p = Behaviour(sc, tuple(z.re for z in vals))
    text = (f"Bob's POVMs N[b|y] = [{'; '.join('{' + ', '.join(map(matrix_text, P)) + '}' for P in N)}] "
            f"give p(ab|xy) = tr(N[b|y] sigma[a|xy]) = [{', '.join(map(scalar_text, p.values))}] "
            "(inputs-major)")
    if m.has("functional"):
        F, ftext = read_functional(ctx, m, sc)
        text += f", <{ftext}, p> = {scalar_text(F.value(p))}"
    if R is not None and A.type == B:  # tr(N E_y(τ)) = tr(E_y†(N) τ); E_y† (CPTP Kraus) maps POVMs to POVMs
        ctx.need(all(mp[0] for mp in R["maps"]), m.where, "the Heisenberg-picture check needs Kraus channels")
        text += "; equally p = tr[(M[a|x] (x) E_y^dagger(N[b|y])) rho] with POVMs E_y^dagger(N[b|y]) (a quantum model)"
    return text


@kind("assemblage")
def decide(cert, ctx, data) -> Decision:
    cert.conventions.text("tensor", ("alice-first",))
    ctx.read_field(data)
    A = read_assemblage(ctx, data)
    paper = data.text("paper", ("assemblage", *PAPER)) if data.has("paper") else None
    bad = ctx.guard("data.assemblage", lambda: A.not_psd(ctx.field))
    parts, member = [], {"assemblage": bad is None}
    if bad is not None:
        ctx.need(not any(data.has(k) for k in ("realisation", "extension", "measurement")), "data",
                 "witnesses for an assemblage that is not positive semidefinite")
        parts.append(f"is not an assemblage: {A.label(bad[0])} is not PSD {not_psd_text('sigma', bad[1])} < 0)")
    else:
        sig = A.signalling()
        member["no-signalling"] = None if sig is None and A.type == I else sig is None
        parts.append(f"has PSD blocks but {sig}" if sig else {
            I: "has PSD blocks and is normalised (tr sum_a sigma[a|x] = 1)",
            T: f"is no-signalling: every block PSD, sum_a sigma[a|x] = rho_B = "
               f"{assemblage_text(A, A.marginal(0))} for every x, tr rho_B = 1",
            B: "is in G_BWI (Def. 2: every block PSD, Eqs. (2)-(4))"}[A.type])
        if data.has("extension"):
            W = read_assemblage(ctx, data, "extension", (B,))
            ctx.need(A.type == I and (W.dim, W.nx, W.na, W.ny) == (A.dim, A.nx, A.na, A.na)
                     and W.postselect().blocks == A.blocks and in_g(ctx, W, "data.extension"), "data.extension",
                     "not a BWI assemblage in G_BWI whose y = a post-selection is sigma")
            parts.append("is the y = a post-selection of a Bob-with-input assemblage in G_BWI, so it is in G_I "
                         "(Def. 4)")
            member["no-signalling"] = True
        R = read_realisation(ctx, data, A) if data.has("realisation") else None
        if R is not None:
            member["quantum"] = R["cp"] or None
            parts.append(f"{QUANTUM[A.type]}: it equals {R['text']}" if R["cp"] else
                         f"equals {R['text']} (not every map is CP)")
            parts += R["facts"]
            member["no-signalling"] = member["no-signalling"] or A.type == I
        if data.has("measurement"):
            parts.append(read_measurement(ctx, data, A, R))
    q = member.get("quantum")
    holds = paper and {"post-quantum": None if q is None else not q}.get(paper, member.get(paper))
    ctx.need(not paper or holds is not None, "data.paper",
             f"the kind does not decide whether sigma is {paper} from this data")
    ptext = paper and "sigma is " + ("an assemblage (every block PSD)" if paper == "assemblage" else
                                     PAPER[paper][A.type])
    return Decision(*against_paper(head(A) + ": " + "; ".join(parts) + tail(ctx), holds, ptext),
                    "exact LDL^T over Q(i)/K(i); realisation recomputed")


@kind("assemblage-dual")
def decide_dual(cert, ctx, data) -> Decision:
    """A dual point of the outer relaxation gives f ≥ 0 on Q_BWI; f(σ) < 0: σ ∉ Q_BWI and every quantum
    vσ + (1−v)N has v ≤ f(N)/(f(N) − f(σ))."""
    cert.conventions.text("tensor", ("alice-first",))
    ctx.read_field(data)
    A = read_assemblage(ctx, data, types=(B,))
    ctx.need(A.na == 2 and in_g(ctx, A, "data.assemblage"), "data.assemblage",
             "needs binary outcomes a and an assemblage in G_BWI")
    level = data.int("level", 0, 3)
    ws = st.words(A.nx, level)
    Zs = [read_matrix(ctx, f"data.Z[{y}]", Z, len(ws) * A.dim) for y, Z in enumerate(data.list("Z", A.ny))]
    names = {",".join(map(str, w)): w for w in st.words(A.nx, 2 * level)}
    lambdas = []
    for y, L in enumerate(data.list("lambda", A.ny - 1)):
        ok = isinstance(L, list) and all(isinstance(it, list) and len(it) == 2 and isinstance(it[0], str)
                                         and it[0] in names for it in L)
        ctx.need(ok and len({it[0] for it in L}) == len(L), f"data.lambda[{y}]", "distinct [word, value] pairs, a "
                 f"word of length <= {2 * level} in labels < {A.nx}, no equal neighbours, comma-separated ('' = identity)")
        lambdas.append({names[w]: read_matrix(ctx, f"data.lambda[{y}]", [[v]], 1)[0][0] for w, v in L})
    Cs = st.relaxation_coefficients(Zs, lambdas, ws, A.dim)
    fA, fN = st.relaxation_value(Cs, A), st.relaxation_value(Cs, A.mix(0))
    ctx.need(fA.im == 0 and fN.im == 0, "data.Z", "the functional is not real")
    fA, fN = fA.re, fN.re
    lower, low_text = "0", ""
    if data.has("lower"):
        lo = data.obj("lower")
        v0 = ctx.value(lo, "visibility")
        ctx.need(0 <= v0 <= 1, lo.at("visibility"), "must lie in [0, 1]")
        R = read_realisation(ctx, lo, A.mix(v0))
        ctx.need(R["cp"], lo.at("realisation"), "needs CPTP channels")
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
        return Decision(f"{head(A)}: the dual point for {relax}) proves nothing ({flaw}){low_text}",
                        "numeric-only", flaw, bracket=(lower, "1"))
    ctx.need(fN >= 0, "data.Z", "f(noise) < 0 although white noise is quantum")
    vb = fN / (fN - fA)
    statement = (f"{head(A)}: is not in Q_BWI: an exact dual of {relax}; Z >= 0 by exact LDL^T) gives a "
                 f"steering functional f >= 0 on Q_BWI with f(sigma) = {scalar_text(fA)} and f(N) = "
                 f"{scalar_text(fN)} for white noise N[a|xy] = (1/{2 * A.dim})*1, so every quantum "
                 f"v*sigma + (1-v)*N has v <= {scalar_text(vb)}{low_text}{tail(ctx)}")
    return Decision(*against_paper(statement, True if paper else None, paper and "sigma is post-quantum"),
                    "exact dual of the outer moment relaxation", bracket=(lower, scalar_text(vb)))
