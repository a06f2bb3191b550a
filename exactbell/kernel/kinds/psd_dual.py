"""Kind ``psd-dual``: bounds on the ICO value of a bipartite correlation (Liu–Chiribella 2024): upper by the dual
of the canonical-instrument SDP (Eqs. (4), (23), (28), relying on Thm 2/App. H), lower by a valid process with
instruments or a bistochastic supermap (Methods Eq. (12)); single-trigger decompositions (Sec. II); chords by
convexity. Format: ``docs/kinds/psd-dual.md``."""
from fractions import Fraction
from functools import reduce
from itertools import product
from math import prod

from .. import process as pm
from ..gaussian import real_sign as _sgn
from ..linalg import add, identity, is_matrix, kron, partial_trace, trace
from ..models import causal_behaviours, causal_strategies, read_functional, read_scenario, scenario_text
from ..numbers import decimal_string, digest, to_rational
from ..params import scalar_text as _tx
from ..poly import Poly
from . import Decision, against_paper, kind
from .sos import psd_matrix

QUANTUM = "quantum ICO processes (valid process matrices, arbitrary instruments)"
THEOREM = "Liu-Chiribella Thm 2/App. H: canonical instruments are optimal for single-trigger correlations"
CAUSAL = 20_000  # deterministic definite-order strategies enumerated for the causal bound (else omitted)


def _n(k, noun) -> str:
    return f"{k} {noun}{'s' * (k != 1)}"


def _triggered(trig, noun="single-trigger piece") -> str:
    return f"{_n(len(trig), noun)} with trigger{'s' * (len(trig) > 1)} {', '.join(map(str, trig))}"


def _algebraic(sc, alpha, zero=0):
    """Σ_x max_a F(a|x): p(.|x) is a distribution, so no process exceeds it."""
    return sum((max(alpha[(a, x)] for a in sc.outcomes) for x in sc.contexts), zero)


class _Scalars:
    """Exact entries: scalar expressions, or power-basis lists in the number field."""

    def __init__(self, ctx):
        self.ctx, self.field, self.one, self.zero = ctx, ctx.field, ctx.one, ctx.one * 0

    def __call__(self, where, raw):
        basis = isinstance(raw, list) and self.field is not None
        return self.ctx.guard(where, lambda: self.field.element([to_rational(c) for c in raw]) if basis
                              else self.ctx.scalar(raw))

    def blocks(self, obj, key, sc, decide=True):
        """{context: label block}, each decided PSD (or symmetric) by :func:`.sos.psd_matrix`."""
        self.ctx.need(prod(pm.canonical_layout(sc)[0]) <= 256, "data.scenario",  # as the explicit process's Π d
                      "the canonical-instrument space (dimension prod m_i^2 n_i) is larger than 256")
        raw, n = obj.list(key, len(sc.contexts)), pm.block_space(sc).size
        return {x: psd_matrix(self.ctx, f"{obj.at(key)}[{i}]", raw[i], n, self, self.one, decide)
                for i, x in enumerate(sc.contexts)}


def _trigger(ctx, obj, sc) -> tuple:
    raw = obj.list("trigger", 2)
    if not all(type(t) is int and 0 <= t < m for t, m in zip(raw, sc.inputs)):
        raise ctx.fail(obj.at("trigger"), "a trigger lists one setting per party, within the scenario")
    return tuple(raw)


def _pieces(ctx, data, sc, alpha, S, need_slack=False):
    """(Σ Tr W / Π m_i or None without slacks, triggers, piece tables); the pieces sum to F."""
    objs = data.objs("pieces")
    slack = {o.has("slack") for o in objs}
    if not objs or len(slack) != 1 or (need_slack and slack != {True}):
        raise ctx.fail(data.at("pieces"), "needs pieces, all with a slack (a bound) or none (a decomposition)")
    value, trig, tables = S.zero, [], []
    for obj in objs:
        t, beta = _trigger(ctx, obj, sc), alpha
        if obj.has("coefficients") or len(objs) > 1:
            cs = obj.list("coefficients", sc.size)
            beta = dict(zip(sc.entries(), [S(f"{obj.at('coefficients')}[{i}]", v) for i, v in enumerate(cs)]))
        if bad := pm.single_trigger_problem(sc, beta, t):
            raise ctx.fail(obj.at("trigger"), f"piece is not single-trigger: {bad}")
        trig.append(t)
        tables.append(beta)
        if slack == {True}:  # W = Z + Ω(β) in the NS span, Z ⪰ 0 per label block (Eqs. (23), (28))
            Z, om = S.blocks(obj, "slack", sc), pm.omega_blocks(sc, beta, t, S.one)  # the file's blocks first
            full, space, layout = pm.assemble(sc, {x: add(Z[x], om[x]) for x in sc.contexts})
            if bad := pm.ns_span_violation(full, space, layout):
                raise ctx.fail(obj.at("slack"), f"W = slack + Ω is not in the no-signalling span: {bad}")
            value = value + trace(full) / prod(sc.outputs)
    bad = next((k for k in alpha if sum((b[k] for b in tables), S.zero) != alpha[k]), None)
    ctx.need(bad is None, data.at("pieces"), f"the pieces do not sum to the functional at (a, x) = {bad}")
    return (value if slack == {True} else None), trig, tables


def _lower(ctx, obj, sc, alpha, S):
    """(value, how) of a valid process with instruments (Born rule p = Tr[Sᵀ(M ⊗ N)])."""
    form = obj.text("form", ("canonical", "explicit", "bistochastic"))
    if form == "bistochastic":
        return _bistochastic(ctx, obj, sc, alpha)
    if form == "canonical":
        trig = _trigger(ctx, obj, sc)
        blocks, om = S.blocks(obj, "process", sc), pm.omega_blocks(sc, alpha, trig, S.one)
        full, space, layout = pm.assemble(sc, blocks)
        value = sum((pm.born(blocks[x], om[x]) for x in sc.contexts), S.zero)
        how = f"a valid process on the canonical space with the canonical instruments of trigger {trig}"
    else:
        dims = obj.list("dims", 4)
        if not all(type(d) is int and 1 <= d <= 16 for d in dims) or prod(dims) > 256:
            raise ctx.fail(obj.at("dims"), "expected [d_AI, d_AO, d_BI, d_BO], positive, product at most 256")
        space, layout = pm.Space(dims), [(0, (1,)), (2, (3,))]
        full, inst = psd_matrix(ctx, obj.at("process"), obj.list("process"), space.size, S, S.one), []
        for i, party in enumerate(obj.list("instruments", 2)):
            w, (din, dout) = f"{obj.at('instruments')}[{i}]", dims[2 * i:2 * i + 2]
            if not is_matrix(party, sc.inputs[i], sc.outputs[i]):
                raise ctx.fail(w, f"expected {sc.inputs[i]} settings of {sc.outputs[i]} outcomes each")
            inst.append([[psd_matrix(ctx, f"{w}[{x}][{a}]", M, din * dout, S, S.one) for a, M in enumerate(r)]
                         for x, r in enumerate(party)])
            ctx.need(all(partial_trace(reduce(add, m), (din, dout), (1,)) == identity(din, S.one) for m in inst[i]),
                     w, "the instrument is not trace preserving (Tr_out Σ_a M_a ≠ I_in)")  # M_a ⪰ 0: CP
        value = sum((c * pm.born(full, kron(inst[0][x[0]][a[0]], inst[1][x[1]][a[1]]))
                     for (a, x), c in alpha.items() if c != 0), S.zero)
        how = f"a valid process of local dimensions {tuple(dims)} with explicit instruments"
    ctx.need(not (bad := pm.process_violation(full, space, layout)), obj.at("process"), bad)
    return value, how


def _bistochastic(ctx, obj, sc, alpha):
    """Classical supermap S = Σ |s⟩⟨s| over s_in = M s_out (mod n), admissible iff Eq. (12) holds;
    instruments s' = g_x(s) (permutations, hence bistochastic), outcome a = s'."""
    n, M = sc.inputs[0], obj.list("map", 2)
    if sc != type(sc)((n, n), (n, n)) or not 2 <= n <= 8 or not is_matrix(M, 2) or not all(
            type(v) is int and -n < v < n for r in M for v in r):
        raise ctx.fail(obj.at("map"), "needs the scenario (n,n;n,n), 2 <= n <= 8, a 2x2 integer map mod n")
    support = [((M[0][0] * u + M[0][1] * v) % n, u, (M[1][0] * u + M[1][1] * v) % n, v)
               for u, v in product(range(n), repeat=2)]
    text = f"the classical supermap (s1, s2) = {M} (s1', s2') mod {n} in bistochastic theory"
    bad = pm.bistochastic_violation({e: Fraction(1) for e in support}, n)
    if bad is not None:
        cond = " ".join(f"({'1-' * (f != 'X')}{name})" for name, f in
                        zip(("A_in", "A_out", "B_in", "B_out"), pm.CONDITIONS[bad])) if bad >= 0 else "trace"
        return None, f"{text} is not admissible: the condition _[{cond}] S = 0 of Eq. (12) fails"
    g = obj.list("instruments", 2)
    if not all(is_matrix(t, n) and all({*map(type, r)} == {int} and sorted(r) == list(range(n)) for r in t) for t in g):
        raise ctx.fail(obj.at("instruments"), f"each setting needs a permutation of range({n})")
    value = sum(alpha[((t1, t2), (x1, x2))] for s1, t1, s2, t2 in support
                for x1, x2 in product(range(n), repeat=2) if g[0][x1][s1] == t1 and g[1][x2][s2] == t2)
    return value, f"{text} (admissible: Eq. (12)) with permutation instruments"


def _paper(ctx, data, S, lo, up):
    """(text, verdict): verified if [lo, up] proves the paper's claim, refuted if it contradicts it."""
    spec = data.obj("paper")
    rel, raw = spec.text("relation", ("=", "<=", ">=", ">", "~")), spec.get("value")
    v = S(spec.at("value"), raw)
    d = spec.int("digits", 0, 30) if rel == "~" or spec.has("digits") else None
    if d is not None and (not isinstance(v, Fraction) or (v * 10**d).denominator != 1):
        raise ctx.fail(spec.at("value"), f"must be a rational decimal with {d} digits")

    def ge(p, q, strict=False):  # p ≥ q (p > q when strict) is proved; False when a bound is missing
        return p is not None and q is not None and _sgn(p - q) >= int(strict)
    h = Fraction(1, 2 * 10**d) if rel == "~" else 0  # "~": the value rounds to v at d digits, in [v - h, v + h)
    holds, refuted = {"=": lambda: (ge(lo, v) and ge(v, up), ge(lo, v, True) or ge(v, up, True)),
                      "<=": lambda: (ge(v, up), ge(lo, v, True)), ">=": lambda: (ge(lo, v), ge(v, up, True)),
                      ">": lambda: (ge(lo, v, True), ge(v, up)),
                      "~": lambda: (ge(lo, v - h) and ge(v + h, up, True), ge(lo, v + h) or ge(v - h, up, True))}[rel]()
    shown = decimal_string(v, d) if d is not None else f"{raw} = {_tx(v)}" if ctx.domains and isinstance(raw, str) \
        and len(raw) <= 200 and raw != _tx(v) else _tx(v)  # a parametric value: the printed and canonical forms
    text = f"~ {shown} (to {d} digits)" if rel == "~" else f"{rel} {shown}"
    return text, "verified" if holds else "refuted" if refuted else "numeric-only"


@kind("psd-dual")
def decide(cert, ctx, data) -> Decision:
    ctx.read_field(data)
    sc = read_scenario(ctx, data)
    ctx.need(sc.parties == 2, data.at("scenario"), "the process-matrix model is bipartite")
    if ctx.domains and (len(ctx.domains) != 1 or ctx.field is not None):
        raise ctx.fail("parameters", "at most one parameter with a domain, and then no number field")
    # one domain parameter: the chord of a segment (ends), or values in Q(x)[√u] for every x (params.radicals)
    segment, R = ctx.domains and data.has("ends"), ctx.radicals() if ctx.domains and not data.has("ends") else None
    F, ftext = read_functional(ctx, data, sc, parse=(lambda o, c: ctx.ratfun(o, "coefficients", c))
                               if segment else None)
    where, on, S = "".join(f", {t}" for t in (ctx.quantifier(), ctx.field_text()) if t), \
        f"<{ftext}, P> on {scenario_text(sc)}", _Scalars(ctx)
    if segment:
        return _segment(ctx, data, sc, F, on, S)
    alpha = dict(zip(sc.entries(), [c * S.one for c in F.coefficients]))  # α_{a,x}, inputs-major
    if data.has("refute") and not R:
        return _refute(ctx, data.obj("refute"), sc, alpha, S, on, where)
    up, lo, how, theory = None, None, [], QUANTUM
    if data.has("pieces"):
        up, trig, tables = _pieces(ctx, data, sc, alpha, S)
        if up is None:
            return _decomposition(data, sc, on, trig, tables, alpha, where, bool(R))
        how.append(f"upper bound by the dual of the canonical-instrument SDP (Eqs. 23, 28) over "
                   f"{_triggered(trig)}, relying on {THEOREM}")
    if data.has("lower"):
        lower = data.obj("lower")
        lo, lhow = _lower(ctx, lower, sc, alpha, S)
        if lower.raw["form"] == "bistochastic":
            ctx.need(up is None, "data.pieces", "the dual bounds quantum processes, not bistochastic ones")
            if lo is None:  # not admissible: the statement still names the functional it was meant for
                return Decision(f"{lhow}, for {on}{where}", "verified", "Eq. (12) projector conditions")
            theory = "bistochastic-theory processes (Liu-Chiribella Methods Eq. (12))"
        how.append(f"lower bound attained by {lhow}")
    ctx.need(up is not None or lo is not None, "data", "needs pieces with slacks (an upper bound) and/or lower")
    if up is None and not R and _sgn(lo - _algebraic(sc, alpha, S.zero)) == 0:
        up = _algebraic(sc, alpha, S.zero)
        how.append("upper bound: the algebraic maximum")
    if up is not None and lo is not None and _sgn(lo - up) > 0:
        raise ctx.fail("data", "the lower bound exceeds the upper bound (inconsistent model)")
    rel = f"<= {_tx(up)}" if lo is None else f">= {_tx(lo)}" if up is None else \
        f"= {_tx(up)}" if _sgn(up - lo) == 0 else f"in [{_tx(lo)}, {_tx(up)}]"
    c = None if R or causal_strategies(sc) > CAUSAL else max(  # the causal bound: definite-order strategies
        sum((alpha[(a, x)] for a, x in zip(k, sc.contexts)), S.zero) for k in causal_behaviours(sc))
    vio = "" if c is None else ("no ICO violation" if up is not None and _sgn(up - c) <= 0 else
           ("an ICO violation" if "quantum" in theory else "a violation of the causal bound")
           if lo is not None and _sgn(lo - c) > 0 else "")
    statement = (f"sup over {theory} of {on} {rel}" + (f"; causal bound {_tx(c)}" if c is not None else "")
                 + (f", so {vio}" if vio else "") + f" ({'; '.join(how)}){where}")
    text, verdict = _paper(ctx, data, S, lo, up) if data.has("paper") else (None, "verified")
    return Decision(statement + (f" (paper: {text})" if text else ""), verdict,
                    "exact LDLᵀ blocks, NS span, L_V, Born rule")


def _decomposition(data, sc, on, trig, tables, alpha, where, parametric=False):
    """F = Σ single-trigger pieces (Sec. II: at most Π n_i, α^ξ_{a,x} = δ_{x,ξ} α_{a,ξ}); formal with a parameter."""
    deps = {(i, x[i]) for x in sc.contexts for i in pm.dependence(sc, alpha, x)}  # α_{·,x} depends on a_i
    itself = len(deps) == len({i for i, _ in deps})  # single-trigger for some ξ iff one setting per party at most
    canonical = all(all(b[(a, x)] == 0 for a, x in b if x != t) for t, b in zip(trig, tables))
    statement = (f"{on} is the sum of {_triggered(trig, 'single-trigger correlation')}"
                 + " (each supported on the context equal to its trigger, the paper's construction)" * canonical
                 + ("; the functional itself is single-trigger" if itself else "" if parametric else
                    "; the functional itself is not single-trigger") + where)
    spec = data.obj("paper", default=None)
    bound = spec and (spec.text("relation", ("<=",)), spec.int("value", 1, 10**6))[1]
    statement, verdict = against_paper(statement, bound and len(trig) <= bound,
                                       bound and f"at most {_n(bound, 'piece')}")
    return Decision(statement, verdict, "coefficient identity and trigger sets")


def _segment(ctx, data, sc, F, on, S):
    """F affine in the domain parameter t: the ICO value, a supremum of functions linear in F, is convex in t, so
    below the chord through the two endpoint bounds."""
    (name, dom), = ctx.domains.items()

    def affine(f):
        return f.den.constant_value() is not None and len(f.num.univariate_coefficients(name)) <= 2
    ctx.need(all(affine(f) for f in F.coefficients), "data.functional", f"the coefficients must be affine in {name}")
    bounds, hows = [], []
    for end, t in zip(data.objs("ends", 2), (dom.lo, dom.hi)):
        alpha = dict(zip(sc.entries(), [f.evaluate({name: t}) for f in F.coefficients]))
        alg = end.text("bound", ("algebraic", "dual")) == "algebraic"
        v, trig, _ = (_algebraic(sc, alpha), (), None) if alg else _pieces(ctx, end, sc, alpha, S, need_slack=True)
        bounds.append(v)
        hows.append(f"{_tx(v)} at {name} = {_tx(t)} (" + ("algebraic maximum)" if alg else "dual of the canonical-"
                    f"instrument SDP over {_n(len(trig), 'single-trigger piece')}, relying on {THEOREM})"))
    slope = (bounds[1] - bounds[0]) / (dom.hi - dom.lo)
    chord = Poly.const(bounds[0] - slope * dom.lo) + Poly.var(name) * slope
    statement = (f"{ctx.quantifier()}: sup over {QUANTUM} of {on} <= {chord.to_text()} "
                 f"(convexity between the endpoint bounds {hows[0]} and {hows[1]})")
    spec = data.obj("paper", default=None)
    p = spec and (spec.text("relation", ("<=",)), ctx.ratfun(spec, "value"))[1]
    if p and not affine(p):
        raise ctx.fail(spec.at("value"), f"must be affine in {name}")
    ok = not p or all(p.evaluate({name: t}) >= chord.evaluate({name: t}) for t in (dom.lo, dom.hi))
    return Decision(statement + (f" (paper: <= {p.to_text()})" if p else ""), "verified" if ok else "numeric-only",
                    "two endpoint bounds and convexity")


REFUTE = {"W >= Omega": "W ⪰ Ω(F) (a dual certificate, Eq. 23)", "W >= 0": "W ⪰ 0",
          "Dmax max": "I^ICO = 2^D_max(Ω(F)||NoSig) with D_max(A||S) := max over B in S of D_max(A||B) (Eq. 3)"}
FORMS = {"W >= Omega": "vᵀ(W − Ω)v", "W >= 0": "vᵀWv", "Dmax max": "vᵀΩ(F)v"}


def _refute(ctx, obj, sc, alpha, S, on, where):
    """Refute a claim about a printed operator W (label blocks, named by digest) by a witness v: vᵀ(W − Ω)v < 0,
    vᵀWv < 0, or, W = B a no-signalling Choi operator, Bv = 0 with vᵀΩv > 0 (Ω ≰ 2^λ B for every λ)."""
    claim, trig = obj.text("claim", tuple(REFUTE)), _trigger(ctx, obj, sc)
    ctx.need(not (bad := pm.single_trigger_problem(sc, alpha, trig)), obj.at("trigger"), f"not single-trigger: {bad}")
    W = S.blocks(obj, "operator", sc, decide=(dmax := claim == "Dmax max"))  # the file's blocks (and size) before Ω
    om, m, n = pm.omega_blocks(sc, alpha, trig, S.one), prod(sc.outputs), len(W[sc.contexts[0]])
    full, space, layout = pm.assemble(sc, W)
    ns = pm.ns_span_violation(full, space, layout) is None
    dig = digest(";".join(_tx(e) for x in sc.contexts for r in W[x] for e in r))
    w = obj.obj("witness")
    x, v = tuple(w.list("context", 2)), [S(f"{w.at('vector')}[{i}]", e) for i, e in enumerate(w.list("vector", n))]
    ctx.need(x in sc.contexts and {*map(type, x)} == {int}, w.at("context"), "not a context of the scenario")
    M = {"W >= Omega": add(W[x], [[-e for e in r] for r in om[x]]), "W >= 0": W[x], "Dmax max": om[x]}[claim]
    q = sum((a * b * e for a, r in zip(v, M) for b, e in zip(v, r) if a and b and e), S.zero)
    name = (f"#{dig} (label blocks, sha256 of the canonical entries; Tr/{m} = {_tx(trace(full) / m)}, "
            f"{'' if ns else 'not '}in the no-signalling span)")
    at = f"{FORMS[claim]} = {_tx(q)} {'>' if dmax else '<'} 0 for v = [{', '.join(map(_tx, v))}] in label " \
         f"block {x}, Ω(F) of trigger {trig}"
    if dmax:
        outs = tuple(k for _, o in layout for k in o)
        if trace(full) != m or not ns or partial_trace(full, space.dims, outs) != identity(m, S.one):
            raise ctx.fail(obj.at("operator"), "not the Choi operator of a no-signalling channel (NS span, "
                                               "Tr_out B = 1_in)")
        if any(sum((a * e for a, e in zip(v, r)), S.zero) != 0 for r in W[x]) or _sgn(q) <= 0:
            raise ctx.fail(w.at("vector"), "the witness needs B v = 0 and vᵀΩ(F)v > 0")
        text = (f"B{name} is the Choi operator of a no-signalling channel (PSD, Tr_out B = 1_in) with B v = 0 and "
                f"{at}: Ω(F) ≰ 2^λ B for every λ, so D_max(Ω(F)||B) = +inf and the printed max gives "
                f"2^D_max(Ω(F)||NoSig) = +inf, while sup over {QUANTUM} of {on} <= "
                f"{_tx(_algebraic(sc, alpha, S.zero))} (algebraic maximum)")
    elif _sgn(q) >= 0:
        raise ctx.fail(w.at("vector"), f"{FORMS[claim]} = {_tx(q)} is not negative: the witness refutes nothing")
    else:
        text = (f"the operator W{name} violates {REFUTE[claim]} for {on}: {at}"
                + "; W equals Ω(F) on that block" * (W[x] == om[x]))
    return Decision(f"{text}{where} (paper: {REFUTE[claim]})", "refuted",
                    "exact quadratic form of a witness vector; Ω and the NS span built by the kernel")
