"""Liu–Chiribella App. D: the qubit classical bistochastic supermaps, exactly (C001-33; the App. E
family C001-35 is the kernel kind ``identity``, mode supermap).

Kind ``bistochastic-extreme-points`` (C001-33, App. D Eqs. (79)–(85)). For qubit (d = 2) diagonal
supermaps S = Σ S_{ijkl} |ijkl><ijkl| (order A_in A_out B_in B_out, i = A_in, j = A_out, k = B_in,
l = B_out) the checker
  (a) builds the linear conditions of Eq. (12) (the three projector conditions of
      exactbell/kernel/process.py and Tr S = 4) and of Eq. (80) (the four class sums
      Σ_{i⊕j=a, k⊕l=b} S = 1) as augmented matrices and proves by exact ranks that they have the same
      solution set (so with S ≥ 0 the feasible sets coincide), of affine dimension 16 − rank;
  (b) enumerates the extreme points of {S ≥ 0, (80)} — a product of four 3-simplices, one vertex per
      class — checks they are distinct, 0/1 with trace 4, and each satisfies Eq. (12);
  (c) classifies each point (a party's time direction may be flipped: d = 0 emits A_out and receives
      A_in, d = 1 the reverse), first matching class wins:
        no-signalling    some directions with both received values constant;
        one-way-fixed    some directions, a first party with constant received value and the
                         second party's received value a function of the first's emitted value;
        one-way-dynamic  a first party with constant received value, and for each emitted value of
                         the first party a direction of the second with constant received value;
        ico-xor          some directions with r_A = e_A⊕e_B⊕α, r_B = e_A⊕e_B⊕β for constants α, β;
        non-functional   no directions make the emitted pair determine the point (checked: every
                         remaining point must be non-functional, else it is reported);
      and compares the counts with ``data.counts``.
data: d (= 2), affine_dimension, total, counts {class: count}.

"""
from __future__ import annotations

from fractions import Fraction
from itertools import product

from ...causal import exact as ex
from ...kernel.linalg import rank
from . import Outcome, checker
from ...causal.exact import CONDITIONS, projector_term
from ...causal.exact import bistochastic_violation as first_violation

CLASSES = ("no-signalling", "one-way-fixed", "one-way-dynamic", "ico-xor", "non-functional")


# ---------------------------------------------------------------------------------------------
# C001-33
# ---------------------------------------------------------------------------------------------
def _er(t, party, d):
    """(emitted, received) of a party at support point t = (i, j, k, l) for direction d."""
    inn, out = (t[0], t[1]) if party == 0 else (t[2], t[3])
    return (out, inn) if d == 0 else (inn, out)


def _const(vals):
    return len(set(vals)) == 1


def _is_function(pairs):
    f = {}
    for a, b in pairs:
        if f.setdefault(a, b) != b:
            return False
    return True


def classify(T) -> str:
    dirs = list(product(range(2), repeat=2))
    if any(_const([_er(t, 0, a)[1] for t in T]) and _const([_er(t, 1, b)[1] for t in T]) for a, b in dirs):
        return "no-signalling"
    for first, d1, d2 in product(range(2), range(2), range(2)):
        e1 = [_er(t, first, d1) for t in T]
        if _const([r for _, r in e1]) and _is_function([(e, _er(t, 1 - first, d2)[1]) for (e, _), t in zip(e1, T)]):
            return "one-way-fixed"
    for first, d1 in product(range(2), range(2)):
        e1 = [_er(t, first, d1) for t in T]
        if not _const([r for _, r in e1]):
            continue
        groups = {}
        for (e, _), t in zip(e1, T):
            groups.setdefault(e, []).append(t)
        if all(any(_const([_er(t, 1 - first, d2)[1] for t in g]) for d2 in range(2)) for g in groups.values()):
            return "one-way-dynamic"
    for a, b in dirs:
        ea = [_er(t, 0, a) for t in T]
        eb = [_er(t, 1, b) for t in T]
        if _const([rA ^ eA ^ eB for (eA, rA), (eB, _) in zip(ea, eb)]) and \
                _const([rB ^ eA ^ eB for (eA, _), (eB, rB) in zip(ea, eb)]):
            return "ico-xor"
    for a, b in dirs:
        if len({(_er(t, 0, a)[0], _er(t, 1, b)[0]) for t in T}) == len(T):
            return "other-functional"
    return "non-functional"


def _condition_rows(space):
    """Rows (coefficients on the 16 diagonal entries) of the three projector conditions of Eq. (12)."""
    n = space.size
    cols = []
    for r in range(n):
        e = {(r, r): Fraction(1)}
        col = {}
        for ci, cond in enumerate(CONDITIONS):
            for (a, b), v in projector_term(e, space, cond).items():
                if a != b:
                    raise ValueError("a projector condition left the diagonal")
                col[(ci, a)] = v
        cols.append(col)
    keys = sorted({k for c in cols for k in c})
    return [[cols[r].get(k, Fraction(0)) for r in range(n)] for k in keys]


@checker("bistochastic-extreme-points")
def decide_extreme(cert, reader) -> Outcome:
    d = reader.get("data.d", int)
    if d != 2:
        raise reader.fail("data.d", "only the qubit case d = 2 of Eqs. (79)-(85) is supported")
    space = ex.Space([2] * 4)
    pts = space.digits
    # (a) Eq. (12) and Eq. (80) have the same solution set
    rows12 = [row + [Fraction(0)] for row in _condition_rows(space)] + [[Fraction(1)] * 16 + [Fraction(4)]]
    rows80 = [[Fraction(int((p[0] ^ p[1], p[2] ^ p[3]) == c)) for p in pts] + [Fraction(1)]
              for c in product(range(2), repeat=2)]
    r12, r80, rboth = rank(rows12), rank(rows80), rank(rows12 + rows80)
    if not (r12 == r80 == rboth == rank([r[:-1] for r in rows80])):
        raise reader.fail("data", f"Eq. (12) and Eq. (80) differ: ranks {r12}, {r80}, joint {rboth}")
    dim = 16 - r80
    if reader.get("data.affine_dimension", int) != dim:
        raise reader.fail("data.affine_dimension", f"the solution set of Eq. (80) has affine dimension {dim}")
    # (b) extreme points: one vertex per class
    classes = {}
    for p in pts:
        classes.setdefault((p[0] ^ p[1], p[2] ^ p[3]), []).append(p)
    if sorted(len(v) for v in classes.values()) != [4, 4, 4, 4]:
        raise reader.fail("data", "Eq. (80) does not split the 16 entries into four classes of four")
    points = [tuple(choice) for choice in product(*[classes[c] for c in sorted(classes)])]
    if len({frozenset(T) for T in points}) != len(points):
        raise reader.fail("data", "two extreme points coincide")
    if reader.get("data.total", int) != len(points):
        raise reader.fail("data.total", f"there are {len(points)} extreme points")
    for T in points:
        S = {(space.index(t), space.index(t)): Fraction(1) for t in T}
        if ex.trace(S, space) != 4 or first_violation(S, 2) is not None:
            raise reader.fail("data", f"extreme point {T} violates Eq. (12)")
    # (c) classification
    counts = {}
    for T in points:
        c = classify(T)
        counts[c] = counts.get(c, 0) + 1
    claimed = reader.get("data.counts", dict)
    if set(claimed) != set(CLASSES):
        raise reader.fail("data.counts", f"expected the classes {list(CLASSES)}")
    for k in CLASSES:
        if not isinstance(claimed[k], int) or isinstance(claimed[k], bool):
            raise reader.fail(f"data.counts.{k}", "expected an integer")
    if counts != {k: v for k, v in claimed.items() if v}:
        raise reader.fail("data.counts", f"recomputed counts are {counts}")
    text = ", ".join(f"{k} {v}" for k, v in counts.items())
    return Outcome("verified", f"Eq. (12) = Eq. (80) (affine dim {dim}); {len(points)} extreme points, "
                               f"all admissible; classes: {text}")
