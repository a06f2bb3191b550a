"""Process matrices and the single-trigger ICO SDP of Liu–Chiribella (arXiv:2403.02749). Dense real matrices on
subsystems of sizes ``dims`` (first most significant); a *layout* lists per party ``(input, (outputs, ...))``.
Canonical instruments: in_i = C^{m_i}, out_i = copy_i ⊗ label_i (Eq. 21); Ω, W and optimal processes are block
diagonal in the labels x, block x on (in_1, copy_1, in_2, copy_2). _X M = Tr_X M ⊗ 𝟙_X/d_X (Araújo et al. 2015)."""
from fractions import Fraction
from functools import partial, reduce
from itertools import combinations, product
from math import prod

from .gaussian import ONE, I, herm_psd
from .linalg import add, identity, kron, mul, rank, scale, trace


def dependence(scenario, alpha: dict, x: tuple) -> set:
    """Parties i on whose outcome a_i the coefficients α_{·,x} depend at context x (α_{a,x} ≠ α at a_i := 0)."""
    return {i for i in range(scenario.parties) for a in scenario.outcomes
            if alpha[(a[:i] + (0,) + a[i + 1:], x)] != alpha[(a, x)]}


def single_trigger_problem(scenario, alpha: dict, trigger) -> str | None:
    """None if α is single-trigger with triggers ``trigger`` (one setting per party): α_{·,x} depends on
    party i's outcome only where x_i is i's trigger; otherwise the reason it is not."""
    bad = min(((i, x[i]) for x in scenario.contexts for i in dependence(scenario, alpha, x) if x[i] != trigger[i]),
              default=None)
    return bad and (f"the coefficients depend on party {bad[0]}'s outcome at setting {bad[1]}, which is not its "
                    f"trigger {trigger[bad[0]]}")


class Space:
    """A tensor product of subsystems with mixed-radix indices."""

    def __init__(self, dims):
        self.dims, self.size = tuple(dims), prod(dims)
        self.strides = tuple(prod(self.dims[k + 1:]) for k in range(len(self.dims)))
        self.digits = list(product(*(range(d) for d in self.dims)))

    def index(self, digits) -> int:
        return sum(d * s for d, s in zip(digits, self.strides))


def canonical_layout(scenario):
    """Subsystem sizes and party layout of the canonical-instrument space."""
    dims = [d for m, n in zip(scenario.outputs, scenario.inputs) for d in (m, m, n)]
    return dims, [(3 * i, (3 * i + 1, 3 * i + 2)) for i in range(scenario.parties)]


def block_space(scenario) -> Space:
    return Space([d for m in scenario.outputs for d in (m, m)])


def depolarize(M, space: Space, X):
    """_X M = Tr_X M ⊗ 𝟙_X/d_X (subsystems X keep their positions)."""
    X = sorted(set(X))
    offsets = [space.index(dict(zip(X, ds)).get(k, 0) for k in range(len(space.dims)))
               for ds in product(*(range(space.dims[k]) for k in X))]
    zero = M[0][0] * 0
    out = [[zero] * space.size for _ in range(space.size)]
    base = [r for r, ds in enumerate(space.digits) if not any(ds[k] for k in X)]
    for r, c in product(base, repeat=2):
        if v := sum((M[r + o][c + o] for o in offsets if M[r + o][c + o]), zero):
            for o in offsets:
                out[r + o][c + o] = v / len(offsets)
    return out


def ns_span_violation(W, space: Space, layout) -> str | None:
    """None if W ∈ Span(Choi(NoSig)): for every party, _{O_i} W = _{I_i O_i} W."""
    return next((f"Tr_(out of party {i}) W is not I/d ⊗ Tr_(in,out of party {i}) W" for i, (inp, outs) in
                 enumerate(layout) if depolarize(W, space, outs) != depolarize(W, space, (inp, *outs))), None)


# L_V = _AO + _BO − _[AO BO] − _[BI BO] + _[AO BI BO] − _[AI AO] + _[AI AO BO] (Araújo et al. 2015), as patterns
# on (A_in, A_out, B_in, B_out) ("X": depolarized; see :func:`pattern`)
LV = ((1, ".X.."), (1, "...X"), (-1, ".X.X"), (-1, "..XX"), (1, ".XXX"), (-1, "XX.."), (1, "XX.X"))


def lv_projection(S, space: Space, layout):
    """Bipartite process-matrix projector L_V (:data:`LV`) on a layout (each party's outputs may be several)."""
    (ai, ao), (bi, bo) = layout
    groups = ((ai,), ao, (bi,), bo)
    return reduce(add, (scale(c, depolarize(S, space, [k for g, f in zip(groups, p) if f == "X" for k in g]))
                        for c, p in LV))


def process_violation(S, space: Space, layout) -> str | None:
    """None if L_V(S) = S and Tr S = Π d_out (PSD is checked separately)."""
    d_out = prod(space.dims[k] for _, outs in layout for k in outs)
    if trace(S) != d_out:
        return f"trace is {trace(S)}, a process needs trace {d_out} (product of output dimensions)"
    return None if lv_projection(S, space, layout) == S else "L_V(S) != S: not in the span of valid process matrices"


def party_factor(m: int, a: int, x: int, xi: int, one=Fraction(1)):
    """Canonical instrument's Choi operator on (in, copy), outcome a, setting x, trigger ξ: |a⟩⟨a| ⊗ |a⟩⟨a| at
    x = ξ, else |Φ⟩⟨Φ| with |Φ⟩ = Σ_j |jj⟩/√m (random outcome, identity channel)."""
    zero, d, n = one - one, one * Fraction(1, m), range(m * m)
    if x == xi:
        return [[one if r == c == a * (m + 1) else zero for c in n] for r in n]
    return [[d if r % (m + 1) == 0 == c % (m + 1) else zero for c in n] for r in n]


def omega_blocks(scenario, alpha: dict, trigger, one=Fraction(1)) -> dict:
    """{x: Ω_x} with Ω = Σ_{a,x} α_{a,x} ⊗_i P^{(i)}_{ξ_i,a_i,x_i} restricted to label block x."""
    def factor(a, x):
        return reduce(kron, (party_factor(m, a[i], x[i], trigger[i], one)
                             for i, m in enumerate(scenario.outputs)))
    n = block_space(scenario).size
    zero = [[one - one] * n for _ in range(n)]
    return {x: reduce(add, (scale(alpha[(a, x)], factor(a, x)) for a in scenario.outcomes if alpha[(a, x)] != 0), zero)
            for x in scenario.contexts}


def assemble(scenario, blocks: dict) -> tuple[list, Space, list]:
    """The full operator on (in_1, copy_1, label_1, …) from label blocks {x: M_x}."""
    dims, layout = canonical_layout(scenario)
    space, bsp = Space(dims), block_space(scenario)
    full = [[next(iter(blocks.values()))[0][0] * 0] * space.size for _ in range(space.size)]
    for x, M in blocks.items():
        idx = [space.index([d for i, xi in enumerate(x) for d in (ds[2 * i], ds[2 * i + 1], xi)])
               for ds in bsp.digits]
        for (r, R), (c, C) in product(enumerate(idx), repeat=2):
            full[R][C] = M[r][c]
    return full, space, layout


def born(S, M):
    """p = Tr[Sᵀ M] = Σ_{r,c} S_rc M_rc (Araújo et al. 2015)."""
    return sum((a * b for r, s in zip(S, M) for a, b in zip(r, s) if a and b), 0)


# Liu–Chiribella Methods Eq. (12), subsystems A_in A_out B_in B_out, per subsystem "X" = _X, "-" = 1 − _X:
# _[(1−A_in)(1−A_out) B_in B_out] S = _[(1−B_in)(1−B_out) A_in A_out] S = _[Π (1−X)] S = 0
CONDITIONS = ("--XX", "XX--", "----")


def projector_term(s: dict, n: int, cond: str) -> dict:
    """_[Π_k f_k] S for a diagonal S on (C^n)^⊗4 given by its diagonal s {(i, j, k, l): value}; on a
    diagonal operator _k averages the value over the k-th index."""
    for k, f in enumerate(cond):
        avg = {t: sum((s.get(t[:k] + (u,) + t[k + 1:], 0) for u in range(n)), Fraction(0)) / n
               for t in product(range(n), repeat=4)}
        s = avg if f == "X" else {t: s.get(t, 0) - v for t, v in avg.items()}
    return s


def bistochastic_violation(s: dict, n: int) -> int | None:
    """None if the diagonal supermap s (PSD iff s ≥ 0, checked separately) has Tr S = n² and satisfies
    Eq. (12); otherwise the index of the first failing condition (-1: the trace)."""
    return -1 if sum(s.values()) != n * n else next(
        (i for i, cond in enumerate(CONDITIONS) if any(projector_term(s, n, cond).values())), None)


# Liu–Chiribella App. D: each _X is a rank-one orthogonal projection on L(C^d) (depolarizer_problem); on distinct
# factors of L(H) = ⊗_k L(C^{d_k}) they commute, so L(H) = ⊕_σ ⊗_k (C𝟙 if σ_k else 𝟙^⊥), σ ∈ {0, 1}^n, and _[f]
# acts on sector σ as the scalar f(σ).
def pattern(p: str, s) -> int:
    """f(σ) for a pattern "XX-." = Π_k (σ_k, 1 − σ_k or 1 for X, -, .)."""
    return prod(x if f == "X" else 1 - x if f == "-" else 1 for f, x in zip(p, s, strict=True))


def sectors(dims) -> dict:
    """{σ: dimension} of the nonzero sectors (𝟙^⊥ in L(C^d) has dimension d² − 1)."""
    return {s: n for s in product((0, 1), repeat=len(dims))
            if (n := prod(1 if b else d * d - 1 for b, d in zip(s, dims)))}


def matrix_unit(d: int, j: int, k: int, z=Fraction(1)):
    """z E_jk, the d × d matrix unit scaled by z."""
    return [[z * int((a, b) == (j, k)) for b in range(d)] for a in range(d)]


def depolarizer_problem(d: int) -> str | None:
    """None if _X on L(C^d), as a d² × d² matrix on the (orthonormal) matrix units, is symmetric, idempotent, of
    rank one and fixes 𝟙 (rows: the images of the units; the transpose is as good for all four)."""
    sp = Space([d])
    D = [[x for row in depolarize(matrix_unit(d, r, c), sp, [0]) for x in row] for r, c in product(range(d), repeat=2)]
    ok = D == [list(r) for r in zip(*D)] and mul(D, D) == D and rank(D) == 1 \
        and depolarize(identity(d), sp, [0]) == identity(d)
    return None if ok else f"_X on L(C^{d}) is not a rank-one orthogonal projection fixing the identity"


def affine_solutions(conditions, dims) -> dict | None:
    """Solve f(σ) S_σ = v·[σ = (1, …, 1)]·𝟙 for all (f, v) in ``conditions``, sector by sector: {σ: None (S_σ
    free) or c (S_σ = c·𝟙)}, or None if there is no solution."""
    out = {}
    for s in sectors(dims):
        eqs = [(f(s), Fraction(v if all(s) else 0)) for f, v in conditions]
        vals = {rhs / c for c, rhs in eqs if c}
        if len(vals) > 1 or any(rhs and not c for c, rhs in eqs):
            return None
        out[s] = next(iter(vals), None)
    return out


def bistochastic_span_problem(d: int) -> str | None:
    """None if the Choi operators of bistochastic channels on C^d span C𝟙 ⊕ 𝟙^⊥ ⊗ 𝟙^⊥ (Eq. (72)): G, E_jk + E_kj,
    iE_kj − iE_jk (j < k) and E_jj − E_(j+1)(j+1), is with 𝟙 a basis of L(C^d), each g traceless with 𝟙 ± g ⪰ 0; so
    𝟙/d and (𝟙 + g ⊗ h)/d = [(𝟙 + g) ⊗ (𝟙 + h) + (𝟙 − g) ⊗ (𝟙 − h)]/(2d) are ⪰ 0 with Tr_in = Tr_out = 𝟙."""
    E = partial(matrix_unit, d)
    G = [add(E(j, k, z), E(k, j, z.conj())) for j, k in combinations(range(d), 2) for z in (ONE, -I)]
    G += [add(E(j, j, ONE), E(j + 1, j + 1, -ONE)) for j in range(d - 1)]
    one = identity(d, ONE)
    ok = rank([[x for r in X for x in r] for X in [one, *G]]) == d * d and all(
        trace(g) == 0 and herm_psd(add(one, scale(s, g))).psd for g in G for s in (1, -1))
    return None if ok else f"the traceless Hermitian basis on C^{d} fails (rank, trace or 1 +- g >= 0)"
