"""Kind ``sw-lemma1-region``: Lemma 1 of Sengupta–Wooltorton refuted on a whole (p, r) region.

Symbolic version of ``sw-lemma1``: one behaviour P*(p, r) and one functional F separate
S_(p,r) from S_(p,1)*,(r,1)* = conv(four channel polytopes of Eq. (11)) for ALL (p, r) in
the declared box, not at sample points.

parameters    p, r symbolic, with ranges equal to data.domain
data:
  channels      the four fidelity tuples of Eq. (11) (as in ``sw-lemma1``)
  domain        {"p": "[0, 1)", "r": "(0, 1)"}
  functional    {"matrix": 4x4 rational matrix F}  (P[2x+a][2y+b] = p(ab|xy), <F,P> = sum F_ij P_ij)
  behaviour     4x4 matrix of P* as rational functions of p, r (recomputed from the counterexample)
  point_value   <F, P*> (recomputed)
  values        the distinct values <F, v> over all Eq. (9) vertices of the four channel
                polytopes, symbolic in p, r, in enumeration order (recomputed)
  proofs        one inequality proof per value:  values[i] < point_value  on the domain
  inclusion     {"A->B": [...], "B->A": [...]}: the distinct signed per-vertex dependences of the
                four channel polytopes, sorted (recomputed); each is proved <= p (resp. <= r) on
                the domain inside the checker, so S_(p,1)*,(r,1)* ⊆ S_(p,r) holds there
expected.counterexample: {"alice": [[p_A(0|x,y) for y] for x], "bob": [[p_B(0|x,y)]]}:
  response functions (rational functions of p, r) of a single hidden variable λ, so
  P*(ab|xy) = p_A(a|x,y) p_B(b|x,y). The checker proves, for all (p, r) in the domain, that
  every response lies in [0, 1], ±(p_A(0|x,0) - p_A(0|x,1)) <= r and ±(p_B(0|0,y) - p_B(0|1,y)) <= p
  (P* ∈ S_(p,r) in the per-λ reading of App. C), then that max_v <F, v> < <F, P*>:
  P* ∉ S_(p,1)*,(r,1)*. These side conditions are proved by the inequality prover inside the
  checker (exact; no data needed).
"""
from __future__ import annotations

from ...kernel.functional import from_sw_matrix
from ...kernel.poly import RationalFunction
from ...polytopes.signaling import truth_tables, vertex
from ...prover import ProverError, Statement, prove, verify
from . import Outcome, checker
from .sw_lemma1 import CHANNELS, product_point

NAMES = ["p", "r"]


def rf(text) -> RationalFunction:
    return RationalFunction.parse(text, NAMES)


def channel_values(F: list) -> list:
    """Distinct <F, v> (RationalFunction of p, r) over the four channel polytopes, first-seen order.

    The vertex arithmetic runs over python-flint fmpq_mpoly (exact) for speed."""
    from flint import fmpq, fmpq_mpoly_ctx

    ctx = fmpq_mpoly_ctx.get(tuple(NAMES), "lex")
    gp, gr = ctx.gens()
    val = {"p": gp, "r": gr, "1": ctx.constant(1)}
    tables = [tuple(tuple(row) for row in t) for t in truth_tables()]
    seen: dict = {}
    coeffs = [(i, fmpq(c.numerator, c.denominator)) for i, c in enumerate(F) if c]
    for ch in CHANNELS:
        fid = [val[c] for c in ch]
        for fa in tables:
            for fb in tables:
                v = vertex(fa, fb, *fid).values
                s = ctx.constant(0)
                for i, c in coeffs:
                    s = s + v[i] * c
                seen.setdefault(str(s) or "0", None)
    return [rf(t) for t in seen]


def channel_dependences() -> dict:
    """Signed per-vertex dependences over the four channel polytopes, as sorted distinct texts:
    "A->B": ±(p_B(0|0,y) - p_B(0|1,y)), "B->A": ±(p_A(0|x,0) - p_A(0|x,1)) (fmpq_mpoly, exact)."""
    from flint import fmpq_mpoly_ctx

    from ...kernel.functional import SW_SCENARIO

    ctx = fmpq_mpoly_ctx.get(tuple(NAMES), "lex")
    gp, gr = ctx.gens()
    val = {"p": gp, "r": gr, "1": ctx.constant(1)}
    tables = [tuple(tuple(row) for row in t) for t in truth_tables()]
    ent = list(SW_SCENARIO.entries())

    def marg(v, party, xy):
        s = ctx.constant(0)
        for i, ((a, b), ctx_xy) in enumerate(ent):
            if (a if party == 0 else b) == 0 and ctx_xy == xy:
                s = s + v[i]
        return s

    out = {"A->B": set(), "B->A": set()}
    for ch in CHANNELS:
        fid = [val[c] for c in ch]
        for fa in tables:
            for fb in tables:
                v = vertex(fa, fb, *fid).values
                for k in (0, 1):
                    d = marg(v, 1, (0, k)) - marg(v, 1, (1, k))
                    out["A->B"] |= {str(d) or "0", str(-d) or "0"}
                    d = marg(v, 0, (k, 0)) - marg(v, 0, (k, 1))
                    out["B->A"] |= {str(d) or "0", str(-d) or "0"}
    return {k: sorted(v) for k, v in out.items()}


def pairing(F: list, P) -> RationalFunction:
    s = rf("0")
    for c, x in zip(F, P.values):
        if c:
            s = s + x * c
    return s


def side_conditions(alice, bob) -> list:
    """(lhs, relation, rhs) texts that put the single-λ point in S_(p,r)."""
    out = []
    for who, t in (("alice", alice), ("bob", bob)):
        for x in range(2):
            for y in range(2):
                e = t[x][y].to_text()
                out += [(e, ">=", "0"), (e, "<=", "1")]
    for x in range(2):
        d = (alice[x][0] - alice[x][1]).to_text()
        out += [(d, "<=", "r"), (f"-({d})", "<=", "r")]
    for y in range(2):
        d = (bob[0][y] - bob[1][y]).to_text()
        out += [(d, "<=", "p"), (f"-({d})", "<=", "p")]
    return out


def _table(reader, where, raw):
    if not isinstance(raw, list) or len(raw) != 2 or any(not isinstance(r, list) or len(r) != 2 for r in raw):
        raise reader.fail(where, "must be a 2x2 table [[x=0: y=0, y=1], [x=1: ...]]")
    return [[reader.symbolic(f"{where}[{i}][{j}]", raw[i][j]) for j in range(2)] for i in range(2)]


def _matrix(reader, where):
    m = reader.get(where, list)
    if len(m) != 4 or any(not isinstance(row, list) or len(row) != 4 for row in m):
        raise reader.fail(where, "must be a 4x4 matrix")
    return from_sw_matrix(m)


@checker("sw-lemma1-region")
def decide(cert, reader) -> Outcome:
    if set(reader.symbols) != set(NAMES) or reader.fixed:
        raise reader.fail("parameters", "needs p and r symbolic (with ranges), nothing fixed")
    if reader.get("data.channels", list) != [list(ch) for ch in CHANNELS]:
        raise reader.fail("data.channels", f"must be the four channels of Eq. (11): {CHANNELS}")
    domain = reader.get("data.domain", dict)
    try:
        dom_st = Statement.make("p + r", ">=", "p + r", domain)
    except ProverError as e:
        raise reader.fail("data.domain", str(e)) from None
    if list(dom_st.names) != NAMES:
        raise reader.fail("data.domain", "must list p then r")
    for n, (lo, hi) in zip(dom_st.names, dom_st.box):
        if reader.symbols[n] != (lo, hi):
            raise reader.fail(f"parameters.{n}.range", f"does not match data.domain ({lo}, {hi})")
    lo_p, hi_p = dom_st.box[0]
    lo_r, hi_r = dom_st.box[1]
    if lo_p < 0 or hi_p > 1 or lo_r < 0 or hi_r > 1:
        raise reader.fail("data.domain", "Lemma 1 takes p, r in [0, 1)")
    spec = reader.get("data.functional", dict)
    F = [reader.rational("data.functional.matrix", x) for x in _matrix(reader, "data.functional.matrix")] \
        if "matrix" in spec else None
    if F is None:
        raise reader.fail("data.functional", "needs a rational 4x4 matrix")
    if cert.verdict != "refuted":
        raise reader.fail("expected.verdict", "this kind certifies a refutation (the reverse inclusion fails)")
    cx = cert.expected.get("counterexample")
    if not isinstance(cx, dict):
        raise reader.fail("expected.counterexample", "must be an object {alice, bob}")
    alice = _table(reader, "expected.counterexample.alice", cx.get("alice"))
    bob = _table(reader, "expected.counterexample.bob", cx.get("bob"))
    try:
        for lhs, rel, rhs in side_conditions(alice, bob):
            st = Statement.make(lhs, rel, rhs, domain, require_all=False)
            verdict, _ = verify(st, prove(st))
            if verdict != "verified":
                raise reader.fail("expected.counterexample", f"not in S_(p,r): {lhs} {rel} {rhs} fails on the domain")
    except ProverError as e:
        raise reader.fail("expected.counterexample", str(e)) from None
    P = product_point(alice, bob)
    listed = _matrix(reader, "data.behaviour")
    for i, (t, v) in enumerate(zip(listed, P.values)):
        if reader.symbolic("data.behaviour", t) != RationalFunction.lift(v):
            raise reader.fail("data.behaviour", f"entry {i} is not the product point of expected.counterexample")
    pv = pairing(F, P)
    if reader.symbolic("data.point_value", reader.get("data.point_value", str)) != pv:
        raise reader.fail("data.point_value", f"<F, P*> = {pv.to_text()}")
    vals = channel_values(F)
    got = reader.symbolic_list("data.values", vals, "the four channel polytopes")
    deps = channel_dependences()
    inc = reader.get("data.inclusion", dict)
    for key, bound in (("A->B", "p"), ("B->A", "r")):
        got_dep = inc.get(key)
        if not isinstance(got_dep, list) or len(got_dep) != len(deps[key]) or \
                any(reader.symbolic(f"data.inclusion.{key}", t) != rf(d) for t, d in zip(got_dep, deps[key])):
            raise reader.fail(f"data.inclusion.{key}", f"the signed vertex dependences are {deps[key]}")
        try:
            for d in deps[key]:
                st = Statement.make(d, "<=", bound, domain, require_all=False)
                if verify(st, prove(st))[0] != "verified":
                    raise reader.fail(f"data.inclusion.{key}", f"{d} <= {bound} fails on the domain")
        except ProverError as e:
            raise reader.fail(f"data.inclusion.{key}", str(e)) from None
    proofs = reader.get("data.proofs", list)
    if len(proofs) != len(vals):
        raise reader.fail("data.proofs", f"needs one proof per value ({len(vals)})")
    for i, (t, pr) in enumerate(zip(got, proofs)):
        try:
            st = Statement.make(t, "<", pv.to_text(), domain, require_all=False)
            verdict, _ = verify(st, pr)
        except ProverError as e:
            raise reader.fail(f"data.proofs[{i}]", str(e)) from None
        if verdict != "verified":
            raise reader.fail(f"data.proofs[{i}]", "does not prove the strict separation")
    return Outcome("refuted", f"for all (p, r) in {dom_st.domain_text()}: P*(p,r) ∈ S_(p,r) (single λ, dependences "
                              f"proved) but <F,P*> = {pv.to_text()} > every vertex value of the four channel "
                              f"polytopes ({len(vals)} distinct, each proved smaller): S_(p,1)*,(r,1)* ≠ S_(p,r); "
                              f"the inclusion ⊆ holds (vertex dependences {deps['A->B']} <= p, "
                              f"{deps['B->A']} <= r)")
