"""Kind ``bistochastic-supermap``: classical (diagonal) bipartite supermaps in bistochastic theory.

Admissibility (Liu–Chiribella Methods, Eq. (12)): S ⪰ 0, Tr S = d_A d_B and
  _[(1−A_in)(1−A_out) B_in B_out] S = 0,  _[(1−B_in)(1−B_out) A_in A_out] S = 0,
  _[(1−A_in)(1−A_out)(1−B_in)(1−B_out)] S = 0,       with _[X] S := Tr_X S ⊗ I_X/d_X,
extended linearly over products. Subsystem order A_in A_out B_in B_out, local dimension n.
Instruments are classical and bistochastic: s' = g_x(s) a permutation, outcome a = s'; then
p(a|x) = Σ_{(s1,s1',s2,s2') ∈ support} [s1' = g1_{x1}(s1)][a1 = s1'][s2' = g2_{x2}(s2)][a2 = s2'].

data:
  n                    local dimension (inputs = outputs = settings = n)
  support              diagonal entries equal to 1, as [s1, s1', s2, s2'] (all other entries 0)
  admissible           the claim: true or false
  failing_condition    when not admissible: index (0, 1, 2) of the first violated projector
                       condition above (recomputed)
  instruments          [g1, g2], g_i[x][s] = s'
  signalling           "perfect-two-way": p(a|x) = δ(a1, x2) δ(a2, x1) for all x (checked exactly)
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product

from ...causal import exact as ex
from . import Outcome, checker


def _projector_term(S, space, factors):
    """_[Π_k f_k] S for factors f_k ∈ {"1-X", "X"} on subsystems k (others untouched)."""
    terms = [(1, ())]
    for k, f in factors.items():
        if f == "X":
            terms = [(c, X + (k,)) for c, X in terms]
        else:  # 1 − X
            terms = [t for c, X in terms for t in ((c, X), (-c, X + (k,)))]
    return ex.combine([(c, ex.depolarize(S, space, X)) for c, X in terms])


CONDITIONS = (
    {0: "1-X", 1: "1-X", 2: "X", 3: "X"},
    {2: "1-X", 3: "1-X", 0: "X", 1: "X"},
    {0: "1-X", 1: "1-X", 2: "1-X", 3: "1-X"},
)


def first_violation(S, n):
    space = ex.Space([n] * 4)
    for i, cond in enumerate(CONDITIONS):
        if _projector_term(S, space, cond):
            return i
    return None


@checker("bistochastic-supermap")
def decide(cert, reader) -> Outcome:
    n = reader.get("data.n", int)
    if not 2 <= n <= 8:
        raise reader.fail("data.n", "local dimension must be an integer in [2, 8]")
    space = ex.Space([n] * 4)
    sup = reader.get("data.support", list)
    S = {}
    for i, e in enumerate(sup):
        if not (isinstance(e, list) and len(e) == 4 and all(isinstance(v, int) and not isinstance(v, bool)
                                                             and 0 <= v < n for v in e)):
            raise reader.fail(f"data.support[{i}]", f"expected [s1, s1', s2, s2'] with entries in [0, {n})")
        r = space.index(e)
        if (r, r) in S:
            raise reader.fail(f"data.support[{i}]", "entry listed twice")
        S[(r, r)] = Fraction(1)
    if ex.trace(S, space) != n * n:
        raise reader.fail("data.support", f"Tr S = {len(S)}, an admissible supermap needs d_A d_B = {n * n}")
    bad = first_violation(S, n)
    claimed = reader.get("data.admissible", bool)
    if not claimed:
        if reader.get("data.failing_condition", int) != bad:
            raise reader.fail("data.failing_condition", f"the first violated condition is {bad}")
    g = reader.get("data.instruments", list)
    if len(g) != 2:
        raise reader.fail("data.instruments", "one table per party")
    for p, tab in enumerate(g):
        if not (isinstance(tab, list) and len(tab) == n and all(isinstance(row, list) and sorted(row) == list(range(n))
                                                                for row in tab)):
            raise reader.fail(f"data.instruments[{p}]", f"each setting needs a permutation of range({n}) (bistochastic)")
    if reader.get("data.signalling", str) != "perfect-two-way":
        raise reader.fail("data.signalling", "only 'perfect-two-way' is supported")
    for x1, x2 in product(range(n), repeat=2):
        p = {}
        for (r, _) in S:
            s1, t1, s2, t2 = space.digits[r]
            if g[0][x1][s1] == t1 and g[1][x2][s2] == t2:
                p[(t1, t2)] = p.get((t1, t2), 0) + 1
        if p != {(x2, x1): 1}:
            raise reader.fail("data.instruments", f"at settings {(x1, x2)} the outcomes are {p}, not perfect two-way signalling")
    admissible = bad is None
    what = "admissible" if admissible else f"not admissible (condition {bad} of Eq. (12) fails)"
    verdict = "verified" if admissible == claimed else "refuted"
    return Outcome(verdict, f"n = {n}: supermap {what}; instruments give p(a|x) = δ(a1,x2)δ(a2,x1) exactly")
