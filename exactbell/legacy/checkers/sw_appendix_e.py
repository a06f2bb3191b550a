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
expected.counterexample: {"behaviour": D} (4x4, entries 0/1: a deterministic local point)
"""
from __future__ import annotations

from itertools import product

from ...kernel.functional import from_sw_matrix
from ...kernel.poly import RationalFunction
from ...polytopes.signaling import vertex
from ...prover import ProverError, Statement, verify
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
    raw = cx.get("behaviour")
    if not isinstance(raw, list) or len(raw) != 4 or any(not isinstance(r, list) or len(r) != 4 for r in raw):
        raise reader.fail("expected.counterexample.behaviour", "must be a 4x4 matrix")
    D = [[reader.rational("expected.counterexample.behaviour", x) for x in row] for row in raw]
    if any(x not in (0, 1) for row in D for x in row):
        raise reader.fail("expected.counterexample.behaviour", "a deterministic point has entries 0 and 1 only")
    # deterministic local NS point: a_x, b_y read off the blocks; must reproduce D exactly
    outs_a, outs_b = [None, None], [None, None]
    for x in (0, 1):
        for y in (0, 1):
            ones = [(a, b) for a in (0, 1) for b in (0, 1) if D[2 * x + a][2 * y + b] == 1]
            if len(ones) != 1:
                raise reader.fail("expected.counterexample.behaviour", f"block (x={x}, y={y}) is not deterministic")
            (a, b), = ones
            if outs_a[x] not in (None, a) or outs_b[y] not in (None, b):
                raise reader.fail("expected.counterexample.behaviour", "outputs depend on the other party's input: "
                                                                       "not a local non-signaling point")
            outs_a[x], outs_b[y] = a, b
    fa = [[outs_a[0], outs_a[0]], [outs_a[1], outs_a[1]]]
    fb = [[outs_b[0], outs_b[1]], [outs_b[0], outs_b[1]]]
    from fractions import Fraction

    p = RationalFunction.parse("p", ["p"]).num
    V = vertex(fa, fb, p, p, Fraction(1, 2), Fraction(1, 2))  # an Eq. (9) vertex of S_(p,p),(1/2,1/2)
    if list(V.values) != from_sw_matrix(D) or not V.is_nonsignaling():
        raise reader.fail("expected.counterexample.behaviour", "is not the Eq. (9) vertex of its response tables")
    return Outcome("refuted", f"deterministic NS vertex D lies in Π_NS but D(ab|xy) = 1 > 1/2 >= every entry of the "
                              f"{len(orb)} members of the (E1) class on {st.domain_text()} ({detail})")
