"""Kind ``sw-e1-class``: App. E's conclusion "Π_NS[S_(p,p),(1/2,1/2)] = conv of the class (E1)".

The class of (E1) is its orbit under the local relabelings (input flips x -> x⊕1, y -> y⊕1 and
output flips a -> a⊕f(x), b -> b⊕g(y); 64 maps), computed symbolically in p. The claim is
refuted by a deterministic local point D: it is an Eq. (9) vertex of the one-way polytope (its
responses ignore the channel) and non-signaling, so D ∈ Π_NS; but D has an entry 1 while every
entry of every member of the (E1) class is <= 1/2 on the whole domain (proved by the inequality
prover), so the inequality P(ab|xy) <= 1/2 separates D from conv(class).

data:
  e1           the printed matrix (E1), symbolic in p (compared with the paper's, L897)
  class_size   orbit size (recomputed)
  entries      distinct entries over the class (recomputed, in order of appearance)
  proof        inequality proof of  max(entries) <= 1/2  on the domain
  domain       {"p": "[1/2, 1)"}
expected.counterexample: {"alice": [a_0, a_1], "bob": [b_0, b_1], "entry": [a, b, x, y]}
"""
from __future__ import annotations

from itertools import product

from ..core.functional import SW_SCENARIO, from_sw_matrix
from ..core.poly import RationalFunction
from ..polytopes.signaling import vertex
from ..prover import ProverError, Statement, verify
from . import Outcome, checker

E1 = [["1/2", "0", "p/2", "(1-p)/2"], ["0", "1/2", "(1-p)/2", "p/2"],
      ["1/2", "0", "(1-p)/2", "p/2"], ["0", "1/2", "p/2", "(1-p)/2"]]


def relabelings():
    """Maps (a,b,x,y) -> (a',b',x',y') of the 64 local relabelings."""
    for sx, sy, fa0, fa1, fb0, fb1 in product((0, 1), repeat=6):
        fa, fb = (fa0, fa1), (fb0, fb1)
        yield lambda a, b, x, y, sx=sx, sy=sy, fa=fa, fb=fb: (a ^ fa[x], b ^ fb[y], x ^ sx, y ^ sy)


def orbit(matrix) -> list:
    """Distinct images of a 4x4 matrix (entries RationalFunction) under the relabelings."""
    out = []
    for g in relabelings():
        img = [[None] * 4 for _ in range(4)]
        for a, b, x, y in product((0, 1), repeat=4):
            a2, b2, x2, y2 = g(a, b, x, y)
            img[2 * x2 + a2][2 * y2 + b2] = matrix[2 * x + a][2 * y + b]
        if not any(all(img[i][j] == m[i][j] for i in range(4) for j in range(4)) for m in out):
            out.append(img)
    return out


@checker("sw-e1-class")
def decide(cert, reader) -> Outcome:
    if list(reader.symbols) != ["p"]:
        raise reader.fail("parameters", "needs the symbolic parameter p with its range")
    raw = reader.get("data.e1", list)
    e1 = [[reader.symbolic(f"data.e1[{i}]", x) for x in row] for i, row in enumerate(raw)] \
        if len(raw) == 4 and all(isinstance(r, list) and len(r) == 4 for r in raw) else None
    if e1 is None or any(e1[i][j] != RationalFunction.parse(E1[i][j], ["p"]) for i in range(4) for j in range(4)):
        raise reader.fail("data.e1", "is not the printed (E1) of App. E")
    orb = orbit(e1)
    if reader.get("data.class_size", int) != len(orb):
        raise reader.fail("data.class_size", f"the orbit of (E1) has {len(orb)} members")
    entries = []
    for m in orb:
        for row in m:
            for x in row:
                if not any(x == y for y in entries):
                    entries.append(x)
    listed = reader.get("data.entries", list)
    if len(listed) != len(entries) or any(reader.symbolic("data.entries", t) != e for t, e in zip(listed, entries)):
        raise reader.fail("data.entries", f"the class has the {len(entries)} distinct entries "
                                          f"{[e.to_text() for e in entries]}")
    try:
        st = Statement.make(f"max({', '.join(listed)})", "<=", "1/2", reader.get("data.domain", dict),
                            require_all=False)
        if st.names != ("p",) or st.box[0] != reader.symbols["p"]:
            raise ProverError("domain must be the declared range of p")
        verdict, detail = verify(st, reader.get("data.proof", dict))
    except ProverError as e:
        raise reader.fail("data.proof", str(e)) from None
    if verdict != "verified":
        raise reader.fail("data.proof", "the class entries are not bounded by 1/2")
    cx = cert.expected.get("counterexample")
    if cert.verdict != "refuted" or not isinstance(cx, dict):
        raise reader.fail("expected", "this kind certifies the refutation by a deterministic vertex")
    tabs = []
    for who in ("alice", "bob"):
        t = cx.get(who)
        if not isinstance(t, list) or len(t) != 2 or any(v not in (0, 1) or isinstance(v, bool) for v in t):
            raise reader.fail(f"expected.counterexample.{who}", "must list the outputs [o_0, o_1] (0 or 1)")
        tabs.append(t)
    fa = [[tabs[0][0], tabs[0][0]], [tabs[0][1], tabs[0][1]]]
    fb = [[tabs[1][0], tabs[1][1]], [tabs[1][0], tabs[1][1]]]
    p = RationalFunction.parse("p", ["p"]).num
    from fractions import Fraction

    D = vertex(fa, fb, p, p, Fraction(1, 2), Fraction(1, 2))
    if not D.is_nonsignaling():
        raise reader.fail("expected.counterexample", "the deterministic point is signaling")
    ent = cx.get("entry")
    if not isinstance(ent, list) or len(ent) != 4 or any(v not in (0, 1) or isinstance(v, bool) for v in ent):
        raise reader.fail("expected.counterexample.entry", "must be [a, b, x, y]")
    a, b, x, y = ent
    if D.p((a, b), (x, y)) != 1:
        raise reader.fail("expected.counterexample.entry", "D(ab|xy) is not 1 there")
    return Outcome("refuted", f"deterministic NS vertex D lies in Π_NS but D(ab|xy) = 1 > 1/2 >= every entry of the "
                              f"{len(orb)} members of the (E1) class on {st.domain_text()} ({detail})")
