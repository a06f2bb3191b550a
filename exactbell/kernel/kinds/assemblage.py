"""Kind ``assemblage``: facts about one explicit assemblage σ over Q(i) or K(i) (Sainz et al., Defs. 1–4).

data: ``field`` (optional, entries then in K(i)); ``assemblage`` {"type": traditional | bob-with-input |
instrumental, "dim", "x", "a", ["y"], "blocks": [y][x][a] or [x][a]}; ``paper`` (optional): the paper's claim
"assemblage" | "no-signalling" | "quantum" | "post-quantum". The kernel decides PSD and no-signalling (Def. 2,
Eqs. (2)-(4)) itself; optional witnesses add facts:
  realisation  {"dims": [d_A, d_B], "state", "povms": [x][a], ["channels": per y (per a if instrumental), each
               {"kraus": [{"weight" ≥ 0, "matrix"}]} (CPTP) or {"choi": J, "sos": [{"weight", "polynomial"}]}
               (trace preserving, positive: ⟨w|Λ(|u⟩⟨u|)|w⟩ = Σ weight·polynomial²; CP iff J ⪰ 0, decided)],
               ["ghjw": K] (ρ = |ψ⟩⟨ψ|, ψ = Σ_j |j⟩⊗K|j⟩, K invertible), ["order_independent": true] (L62)}:
               σ_{a|xy} = E_y(tr_A[(M_{a|x}⊗𝟙)ρ]) (Eqs. (1), (7)) is recomputed and compared
  extension    (instrumental σ) a bob-with-input ω ∈ G_BWI with ω_{a|x,y=a} = σ_{a|x} (Def. 4)
  measurement  {"povms": [y][b], ["functional": F]}: p(ab|xy) = tr(N_{b|y} σ_{a|xy}) and ⟨F, p⟩; with a Kraus
               realisation also p = tr[(M ⊗ E_y†(N))ρ] with POVMs E_y†(N) (L88–L92)
conventions: ``tensor`` = alice-first (|a⟩⊗|b⟩ ↦ a·d_B + b); ``order`` = inputs-major (measurement);
``choi`` = blocks (J = Σ_ij |i⟩⟨j| ⊗ Λ(|i⟩⟨j|)); ``form`` etc. for F (see :mod:`exactbell.kernel.models`).
"""
from __future__ import annotations

import hashlib
from fractions import Fraction

from .. import steering as st
from ..envelope import Obj
from ..gaussian import Gaussian, real_sign
from ..linalg import rank
from ..models import read_functional
from ..params import scalar_text
from ..poly import Poly
from ..scenario import Behaviour, Scenario
from . import Decision, against_paper, kind

T, B, I = st.TYPES
QUANTUM = {T: "has a quantum realisation", B: "is in Q_BWI (Def. 1)", I: "is in Q_I (Def. 3)"}
PAPER = {"no-signalling": {T: "no-signalling", B: "in G_BWI", I: "in G_I"},
         "quantum": {T: "quantum", B: "in Q_BWI", I: "in Q_I"},
         "post-quantum": {T: "not quantum", B: "not in Q_BWI", I: "not in Q_I"}}


def _matrix(ctx, where, raw, n, m=None):
    return ctx._guard(where, lambda: st.parse_matrix(raw, ctx.field, n, m))


def _child(parent, key, raw):
    child = Obj(raw, parent.at(key), parent.path)
    parent.children.append(child)
    return child


def _vec(v):
    return "[" + ", ".join(Gaussian.lift(z).to_text() for z in v) + "]"


def read_assemblage(ctx, data, key="assemblage", types=st.TYPES):
    spec = data.obj(key)
    t = spec.text("type", types)
    d, nx, na = spec.int("dim", 1, 8), spec.int("x", 1, 16), spec.int("a", 1, 16)
    ny = spec.int("y", 1, 16) if t == B else 1
    raw = spec.list("blocks", ny if t == B else nx)
    blocks = {}
    for y, layer in enumerate(raw if t == B else [raw]):
        for x in range(nx):
            row = layer[x] if isinstance(layer, list) and len(layer) == nx else None
            if not isinstance(row, list) or len(row) != na:
                raise ctx.fail(spec.at("blocks"), f"needs [{'y][' if t == B else ''}x][a] with {nx} x and {na} a")
            for a in range(na):
                blocks[(y, x, a)] = _matrix(ctx, spec.at(f"blocks[{y}][{x}][{a}]"), row[a], d)
    return st.Assemblage(t, d, nx, na, ny, blocks)


def assemblage_text(A, single=None) -> str:
    """The blocks (or one matrix) as Pauli coordinates (c0, cX, cY, cZ) for d = 2, else as matrices; a digest if long."""
    h = Fraction(1, 2)

    def one(M):
        if A.dim != 2:
            return st.matrix_text(M)
        c = [(M[0][0] + M[1][1]) * h, (M[0][1] + M[1][0]) * h, (M[0][1] - M[1][0]) * Gaussian(0, h), (M[0][0] - M[1][1]) * h]
        return "(" + ", ".join(scalar_text(z.re) if z.im == 0 else z.to_text() for z in c) + ")"
    if single is not None:
        return one(single)
    layers = ["[" + ", ".join("[" + ", ".join(one(A.blocks[(y, x, a)]) for a in range(A.na)) + "]"
                              for x in range(A.nx)) + "]" for y in range(A.ny)]
    body = layers[0] if A.ny == 1 else "[" + ", ".join(layers) + "]"
    basis = " in the Pauli basis (c0, cX, cY, cZ)" if A.dim == 2 else ""
    if len(body) > 400:
        return f"sigma#{hashlib.sha256(body.encode()).hexdigest()[:12]} (sha256 of the canonical blocks{basis})"
    return f"sigma = {body}{basis}"


def _terms(ctx, ch, key, keys, read):
    out = []
    for k, t in enumerate(ch.list(key)):
        if not isinstance(t, dict) or set(t) != set(keys):
            raise ctx.fail(ch.at(f"{key}[{k}]"), "a term is {" + ", ".join(keys) + "}")
        w = ctx.value(ch, f"{key}[{k}].{keys[0]}", raw=t[keys[0]])
        if real_sign(w) < 0:
            raise ctx.fail(ch.at(f"{key}[{k}].{keys[0]}"), "negative weight")
        out.append((w, read(ch.at(f"{key}[{k}].{keys[1]}"), t[keys[1]])))
    return out


def read_map(ctx, ch, d):
    """(Kraus terms or None, Choi matrix or None, text, CP?): a map on C^d given by weighted Kraus operators
    (CPTP) or by its Choi matrix with an SOS proof of positivity (the kernel decides TP and CP)."""
    if ch.has("kraus"):
        terms = _terms(ctx, ch, "kraus", ("weight", "matrix"), lambda w, raw: _matrix(ctx, w, raw, d))
        bad = st.kraus_failure(terms, d) if terms else "no Kraus operators"
        if bad:
            raise ctx.fail(ch.at("kraus"), f"not a CPTP map on C^{d}: {bad}")
        ident = len(terms) == 1 and terms[0][0] == 1 and terms[0][1] == st.eye(d)
        return terms, None, "identity" if ident else f"a CPTP map ({len(terms)} weighted Kraus operators)", True
    ctx.cert.conventions.text("choi", ("blocks",))
    J = _matrix(ctx, ch.at("choi"), ch.get("choi"), d * d)
    if not st.choi_trace_preserving(J, d):
        raise ctx.fail(ch.at("choi"), "the map is not trace preserving")
    names = st.map_variables(d)
    terms = _terms(ctx, ch, "sos", ("weight", "polynomial"), lambda w, raw: ctx._guard(w, lambda: Poly.parse(raw, names)))
    if sum((q * q * w for w, q in terms), Poly()) != ctx._guard(ch.at("choi"), lambda: st.biquadratic_form(J, d)):
        raise ctx.fail(ch.at("sos"), "<w|Lambda(|u><u|)|w> is not the stated sum of squares")
    res = ctx._guard(ch.at("choi"), lambda: st.is_psd(J, ctx.field))
    cp = "CP" if res.psd else f"not CP (v = {_vec(res.witness)}, v^dagger J v = {_vec([res.witness_value])[1:-1]})"
    return None, J, (f"{st.named_map(J, d)} (positive by an exact SOS of <w|Lambda(|u><u|)|w>, trace preserving, "
                     f"{cp})"), res.psd


def read_realisation(ctx, data, A):
    r = data.obj("realisation")
    dims = r.list("dims", 2)
    if not all(type(v) is int and 1 <= v <= 8 for v in dims) or dims[1] != A.dim:
        raise ctx.fail(r.at("dims"), f"[d_A, d_B] with 1 <= d_A <= 8 and d_B = {A.dim}")
    dA, dB = dims
    rho = _matrix(ctx, r.at("state"), r.get("state"), dA * dB)
    if not ctx._guard(r.at("state"), lambda: st.is_psd(rho, ctx.field)).psd or st.trace(rho) != 1:
        raise ctx.fail(r.at("state"), "not a state (PSD, trace 1)")
    povms = []
    for x, P in enumerate(r.list("povms", A.nx)):
        if not isinstance(P, list) or len(P) != A.na:
            raise ctx.fail(r.at(f"povms[{x}]"), f"needs {A.na} elements")
        povms.append([_matrix(ctx, r.at(f"povms[{x}][{a}]"), M, dA) for a, M in enumerate(P)])
        bad = ctx._guard(r.at(f"povms[{x}]"), lambda: st.povm_failure(povms[x], dA, ctx.field))
        if bad:
            raise ctx.fail(r.at(f"povms[{x}]"), f"not a POVM: {bad}")
    tau = {(x, a): st.steer(rho, povms[x][a], dA, dB) for x in range(A.nx) for a in range(A.na)}
    count = {T: 0, B: A.ny, I: A.na}[A.type]
    maps = [read_map(ctx, _child(r, f"channels[{y}]", ch), dB) for y, ch in enumerate(r.list("channels", count) if count else [])]

    def apply(m, X):
        return st.kraus_apply(m[0], X) if m[0] else st.choi_apply(m[1], dB, X)
    for (y, x, a), S in sorted(A.blocks.items()):
        if (apply(maps[a if A.type == I else y], tau[(x, a)]) if maps else tau[(x, a)]) != S:
            raise ctx.fail(r.where, f"does not produce {A.label((y, x, a))} exactly")
    text = (f"tr_A[(M[a|x] (x) 1) rho] for a state rho on C^{dA} (x) C^{dB} and {A.nx} POVMs M of Alice"
            + (", followed by " + "; ".join(f"E_{y} = {m[2]}" for y, m in enumerate(maps)) if maps else ""))
    facts = []
    if r.has("ghjw"):
        K = _matrix(ctx, r.at("ghjw"), r.get("ghjw"), dB, dA)
        psi = [K[b][a] for a in range(dA) for b in range(dB)]
        if dA != dB or rank(K) != dB or rho != [[p * q.conj() for q in psi] for p in psi]:
            raise ctx.fail(r.at("ghjw"), "the state is not |psi><psi|, psi = sum_j |j> (x) K|j> with K invertible")
        facts.append("the state is the GHJW purification sum_j |j> (x) K|j> of rho_B = K K^dagger (K invertible)")
    if r.has("order_independent"):
        if r.flag("order_independent") is not True or A.type != B or not all(m[0] for m in maps):
            raise ctx.fail(r.at("order_independent"), "true, for a Bob-with-input realisation by Kraus channels")
        for (y, x, a), S in A.blocks.items():
            big = [(w, st.kron(st.eye(dA), K)) for w, K in maps[y][0]]
            if st.steer(st.kraus_apply(big, rho), povms[x][a], dA, dB) != S:
                raise ctx.fail(r.at("order_independent"), f"fails at {A.label((y, x, a))}")
        facts.append("applying E_y to Bob's half before Alice measures gives the same assemblage")
    omega = st.Assemblage(B, A.dim, A.nx, A.na, A.na, {(y, x, a): apply(maps[y], tau[(x, a)]) for y in range(A.na)
                                                     for (x, a) in tau}) if A.type == I and maps else None
    return dict(rho=rho, povms=povms, maps=maps, cp=all(m[3] for m in maps), text=text, facts=facts, omega=omega)


def read_measurement(ctx, data, A, R):
    m = data.obj("measurement")
    ctx.cert.conventions.text("order", ("inputs-major",))
    raw = m.list("povms", A.ny if A.type == B else None)
    if A.type == I or not raw or not all(isinstance(P, list) and P and len(P) == len(raw[0]) for P in raw):
        raise ctx.fail(m.at("povms"), "Bob's POVMs [y][b] with equally many outcomes (not for instrumental sigma)")
    N = [[_matrix(ctx, m.at(f"povms[{y}][{b}]"), E, A.dim) for b, E in enumerate(P)] for y, P in enumerate(raw)]
    for y, P in enumerate(N):
        if ctx._guard(m.at(f"povms[{y}]"), lambda: st.povm_failure(P, A.dim, ctx.field)):
            raise ctx.fail(m.at(f"povms[{y}]"), "not a POVM")
    sc = Scenario((A.nx, len(N)), (A.na, len(N[0])))
    vals = [st.trace(st.mul(N[y][b], A.blocks[(y if A.ny > 1 else 0, x, a)])) for (a, b), (x, y) in sc.entries()]
    if any(z.im != 0 for z in vals):
        raise ctx.fail(m.at("povms"), "tr(N sigma) is not real")
    p = Behaviour(sc, tuple(z.re for z in vals))
    text = (f"Bob's POVMs N[b|y] = [{'; '.join('{' + ', '.join(st.matrix_text(E) for E in P) + '}' for P in N)}] "
            f"give p(ab|xy) = tr(N[b|y] sigma[a|xy]) = [{', '.join(scalar_text(v) for v in p.values)}] (inputs-major)")
    if m.has("functional"):
        F, ftext = read_functional(ctx, m, sc)
        text += f", <{ftext}, p> = {scalar_text(F.value(p))}"
    if R is not None and A.type == B:
        if not all(mp[0] for mp in R["maps"]):
            raise ctx.fail(m.where, "the Heisenberg-picture check needs Kraus channels")
        for y, P in enumerate(N):
            duals = [st.kraus_apply(R["maps"][y][0], E, dual=True) for E in P]
            if ctx._guard(m.where, lambda: st.povm_failure(duals, A.dim, ctx.field)):
                raise ctx.fail(m.at(f"povms[{y}]"), "E_y^dagger(N) is not a POVM")
            for b, x, a in ((b, x, a) for b in range(len(P)) for x in range(A.nx) for a in range(A.na)):
                if st.trace(st.mul(st.kron(R["povms"][x][a], duals[b]), R["rho"])) != p.p((a, b), (x, y)):
                    raise ctx.fail(m.where, f"tr[(M (x) E^dagger(N)) rho] differs at a={a}, b={b}, x={x}, y={y}")
        text += "; equally p = tr[(M[a|x] (x) E_y^dagger(N[b|y])) rho] with POVMs E_y^dagger(N[b|y]) (a quantum model)"
    return text


@kind("assemblage")
def decide(cert, ctx, data) -> Decision:
    cert.conventions.text("tensor", ("alice-first",))
    ctx.read_field(data)
    A = read_assemblage(ctx, data)
    head = (f"the {A.type} assemblage on C^{A.dim} with {A.nx} inputs x, {A.na} outcomes a"
            + (f", {A.ny} inputs y" if A.type == B else "") + f", {assemblage_text(A)}")
    paper = data.text("paper", ("assemblage", *PAPER)) if data.has("paper") else None
    bad = ctx._guard("data.assemblage", lambda: A.not_psd(ctx.field))
    parts, member = [], {"assemblage": bad is None}
    if bad is not None:
        if any(data.has(k) for k in ("realisation", "extension", "measurement")):
            raise ctx.fail("data", "witnesses for an assemblage that is not positive semidefinite")
        parts.append(f"is not an assemblage: {A.label(bad[0])} is not PSD (v = {_vec(bad[1])}, "
                     f"v^dagger sigma v = {_vec([bad[2]])[1:-1]} < 0)")
    else:
        sig = A.signalling()
        member["no-signalling"] = None if sig is None and A.type == I else sig is None
        parts.append(f"has PSD blocks but {sig}" if sig else {
            I: "has PSD blocks and is normalised (tr sum_a sigma[a|x] = 1)",
            T: f"is no-signalling: every block PSD, sum_a sigma[a|x] = rho_B = {assemblage_text(A, A.marginal(0))} "
               "for every x, tr rho_B = 1",
            B: "is in G_BWI (Def. 2: every block PSD, Eqs. (2)-(4))"}[A.type])
        if data.has("extension"):
            W = read_assemblage(ctx, data, "extension", (B,))
            if A.type != I or W.shape()[1:] != (A.dim, A.nx, A.na, A.na) or W.postselect().blocks != A.blocks \
                    or ctx._guard("data.extension", lambda: W.not_psd(ctx.field)) or W.signalling():
                raise ctx.fail("data.extension", "not a BWI assemblage in G_BWI whose y = a post-selection is sigma")
            parts.append("is the y = a post-selection of a Bob-with-input assemblage in G_BWI, so it is in G_I (Def. 4)")
            member["no-signalling"] = True
        R = read_realisation(ctx, data, A) if data.has("realisation") else None
        if R is not None:
            member["quantum"] = R["cp"] or None
            parts.append(f"{QUANTUM[A.type]}: it equals {R['text']}" if R["cp"] else
                         f"equals {R['text']} (not every map is CP)")
            parts += R["facts"]
            if R["omega"] is not None:
                if R["omega"].not_psd(ctx.field) or R["omega"].signalling():
                    raise ctx.fail("data.realisation", "its BWI extension omega[a|xy] = E_y(...) is not in G_BWI")
                parts.append("its BWI extension omega[a|xy] = E_y(tr_A[(M[a|x] (x) 1) rho]) is in G_BWI and "
                             "post-selects (y = a) to sigma, so sigma is in G_I")
                member["no-signalling"] = True
        if data.has("measurement"):
            parts.append(read_measurement(ctx, data, A, R))
    where = ", ".join(t for t in (ctx.quantifier(), ctx.field_text()) if t)
    statement = head + ": " + "; ".join(parts) + (f"; {where}" if where else "")
    holds, ptext = None, None
    if paper is not None:
        q = member.get("quantum")
        holds = {"post-quantum": None if q is None else not q}.get(paper, member.get(paper))
        if holds is None:
            raise ctx.fail("data.paper", f"the kind does not decide whether sigma is {paper} from this data")
        ptext = "sigma is " + ("an assemblage (every block PSD)" if paper == "assemblage" else PAPER[paper][A.type])
    statement, verdict = against_paper(statement, holds, ptext)
    return Decision(statement, verdict, "exact LDL^T over Q(i)/K(i); realisation recomputed")
