"""Process matrices and the single-trigger ICO SDP of Liu–Chiribella (arXiv:2403.02749), exactly.

Conventions:

* Operators are sparse dicts ``{(row, col): value}`` on a tensor product of subsystems with
  sizes ``dims`` (first subsystem most significant). Values are Fractions or
  :class:`~exactbell.kernel.algebraic.AlgebraicNumber`; everything is real symmetric.
* A *layout* lists, per party, its input subsystem and its output subsystems:
  ``[(in, (out, ...)), ...]``. The canonical-instrument space of party i is
  in_i = C^{m_i}, out_i = copy_i ⊗ label_i = C^{m_i} ⊗ C^{n_i} (Eq. 21 of the paper), so the
  full canonical space has subsystems (in_1, copy_1, label_1, in_2, copy_2, label_2, …).
* Block form: Ω, the dual W and an optimal process S can be taken block diagonal in the labels;
  block x = (x_1, …, x_N) acts on (in_1, copy_1, in_2, copy_2, …), dimension Π m_i².
* ``depolarize(M, X)`` is ``_X M = Tr_X M ⊗ I_X / d_X`` (the standard notation of Araújo et al.
  2015), the building block of both the process projector L_V and the no-signalling span.
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product
from math import prod


class CausalError(ValueError):
    """Wrong shape, not single-trigger, or otherwise unusable correlation data."""


def correlation_table(scenario, coefficients) -> dict:
    """{(a, x): α} from a flat list in canonical (inputs-major) order."""
    if len(coefficients) != scenario.size:
        raise CausalError(f"a correlation of scenario {scenario.to_spec()} has {scenario.size} coefficients, "
                          f"got {len(coefficients)}")
    return {ax: c for ax, c in zip(scenario.entries(), coefficients)}


def dependence(scenario, alpha: dict, x: tuple) -> set:
    """Parties i on whose outcome a_i the coefficients α_{·,x} depend at context x."""
    return {i for i in range(scenario.parties) for a in scenario.outcomes for ai in range(scenario.outputs[i])
            if alpha[(a[:i] + (ai,) + a[i + 1:], x)] != alpha[(a, x)]}


def trigger_sets(scenario, alpha: dict) -> list[set]:
    """For each party the set of settings at which α depends on that party's outcome."""
    deps = {x: dependence(scenario, alpha, x) for x in scenario.contexts}
    return [{x[i] for x in scenario.contexts if i in deps[x]} for i in range(scenario.parties)]


def single_trigger_problem(scenario, alpha: dict, trigger) -> str | None:
    """None if α is single-trigger with triggers ``trigger``; otherwise the reason it is not."""
    if len(trigger) != scenario.parties:
        return f"a trigger lists one setting per party ({scenario.parties})"
    for i, t in enumerate(trigger):
        if not isinstance(t, int) or isinstance(t, bool) or not 0 <= t < scenario.inputs[i]:
            return f"trigger of party {i} must be a setting in [0, {scenario.inputs[i]})"
    for i, s in enumerate(trigger_sets(scenario, alpha)):
        bad = sorted(s - {trigger[i]})
        if bad:
            return (f"the coefficients depend on party {i}'s outcome at setting {bad[0]}, which is not its "
                    f"trigger {trigger[i]}")
    return None


class Space:
    """A tensor product of subsystems with mixed-radix indices."""

    def __init__(self, dims):
        self.dims = tuple(dims)
        self.size = prod(self.dims)
        self.strides = tuple(prod(self.dims[k + 1:]) for k in range(len(self.dims)))
        self.digits = [tuple((r // s) % d for s, d in zip(self.strides, self.dims)) for r in range(self.size)]

    def index(self, digits) -> int:
        return sum(d * s for d, s in zip(digits, self.strides))


def canonical_layout(scenario):
    """Subsystem sizes and party layout of the canonical-instrument space."""
    dims = [d for m, n in zip(scenario.outputs, scenario.inputs) for d in (m, m, n)]
    return dims, [(3 * i, (3 * i + 1, 3 * i + 2)) for i in range(scenario.parties)]


def depolarize(M: dict, space: Space, X) -> dict:
    """_X M = Tr_X M ⊗ I_X / d_X (subsystems X keep their positions)."""
    X = sorted(set(X))
    if not X:
        return dict(M)
    keep = [k for k in range(len(space.dims)) if k not in X]
    dX = prod(space.dims[k] for k in X)
    red: dict = {}
    dg = space.digits
    for (r, c), v in M.items():
        dr, dc = dg[r], dg[c]
        if all(dr[k] == dc[k] for k in X):
            r0 = sum(dr[k] * space.strides[k] for k in keep)
            c0 = sum(dc[k] * space.strides[k] for k in keep)
            key = (r0, c0)
            red[key] = red[key] + v if key in red else v
    offs = [sum(d * space.strides[k] for d, k in zip(ds, X)) for ds in product(*[range(space.dims[k]) for k in X])]
    out: dict = {}
    for (r0, c0), v in red.items():
        if v == 0:
            continue
        w = v / dX
        for o in offs:
            out[(r0 + o, c0 + o)] = w
    return out


def combine(terms) -> dict:
    """Σ sign·M over (sign, M) pairs, dropping zeros."""
    out: dict = {}
    for s, M in terms:
        for k, v in M.items():
            out[k] = out[k] + s * v if k in out else s * v
    return {k: v for k, v in out.items() if v != 0}


def equal(A: dict, B: dict) -> bool:
    keys = set(A) | set(B)
    return all(A.get(k, 0) == B.get(k, 0) for k in keys)


def trace(M: dict, space: Space):
    return sum((v for (r, c), v in M.items() if r == c), Fraction(0))


def ns_span_violation(W: dict, space: Space, layout) -> str | None:
    """None if W ∈ Span(Choi(NoSig)): for every party, _{O_i} W = _{I_i O_i} W."""
    for i, (inp, outs) in enumerate(layout):
        if not equal(depolarize(W, space, outs), depolarize(W, space, (inp,) + tuple(outs))):
            return f"Tr_(out of party {i}) W is not I/d ⊗ Tr_(in,out of party {i}) W"
    return None


def lv_projection(S: dict, space: Space, layout) -> dict:
    """Bipartite process-matrix projector L_V (Araújo et al., New J. Phys. 17, 102001 (2015))."""
    if len(layout) != 2:
        raise CausalError("the process-matrix projector is implemented for two parties")
    (ai, ao), (bi, bo) = layout
    ai, bi = (ai,), (bi,)
    d = lambda *parts: depolarize(S, space, tuple(k for p in parts for k in p))  # noqa: E731
    return combine([(1, d(ao)), (1, d(bo)), (-1, d(ao, bo)), (-1, d(bi, bo)), (1, d(ao, bi, bo)),
                    (-1, d(ai, ao)), (1, d(ai, ao, bo))])


def process_violation(S: dict, space: Space, layout) -> str | None:
    """None if L_V(S) = S and Tr S = Π d_out (PSD is checked separately)."""
    d_out = prod(space.dims[k] for _, outs in layout for k in outs)
    t = trace(S, space)
    if t != d_out:
        return f"trace is {t}, a process needs trace {d_out} (product of output dimensions)"
    if not equal(lv_projection(S, space, layout), S):
        return "L_V(S) != S: not in the span of valid process matrices"
    return None


def block_space(scenario) -> Space:
    return Space([d for m in scenario.outputs for d in (m, m)])


def party_factor(m: int, a: int, x: int, xi: int, one=Fraction(1)) -> dict:
    """Choi operator of the canonical instrument on (in, copy) for outcome a at setting x (label removed).

    x = ξ: |a⟩⟨a| ⊗ |a⟩⟨a|; x ≠ ξ: |Φ⟩⟨Φ| with |Φ⟩ = Σ_j |jj⟩/√m (random outcome, identity
    channel).
    """
    if x == xi:
        return {(a * m + a, a * m + a): one}
    return {(j * m + j, k * m + k): one * Fraction(1, m) for j in range(m) for k in range(m)}


def kron(A: dict, B: dict, dB: int) -> dict:
    return {(ra * dB + rb, ca * dB + cb): va * vb for (ra, ca), va in A.items() for (rb, cb), vb in B.items()}


def omega_blocks(scenario, alpha: dict, trigger, one=Fraction(1)) -> dict:
    """{x: Ω_x} with Ω = Σ_{a,x} α_{a,x} ⊗_i P^{(i)}_{ξ_i,a_i,x_i} restricted to label block x."""
    out = {}
    for x in scenario.contexts:
        blk: dict = {}
        for a in scenario.outcomes:
            c = alpha[(a, x)]
            if c == 0:
                continue
            M = {(0, 0): one}
            for i, m in enumerate(scenario.outputs):
                M = kron(M, party_factor(m, a[i], x[i], trigger[i], one), m * m)
            for k, v in M.items():
                blk[k] = blk[k] + c * v if k in blk else c * v
        out[x] = {k: v for k, v in blk.items() if v != 0}
    return out


def assemble(scenario, blocks: dict) -> tuple[dict, Space, list]:
    """The full operator on (in_1, copy_1, label_1, …) from label blocks {x: M_x}."""
    dims, layout = canonical_layout(scenario)
    space = Space(dims)
    bsp = block_space(scenario)
    N = scenario.parties
    full: dict = {}
    for x, M in blocks.items():
        for (r, c), v in M.items():
            dr, dc = bsp.digits[r], bsp.digits[c]
            R = space.index([d for i in range(N) for d in (dr[2 * i], dr[2 * i + 1], x[i])])
            C = space.index([d for i in range(N) for d in (dc[2 * i], dc[2 * i + 1], x[i])])
            full[(R, C)] = v
    return full, space, layout


def dense(M: dict, n: int, zero=Fraction(0)) -> list:
    return [[M.get((r, c), zero) for c in range(n)] for r in range(n)]


def instrument_problem(mats: list, din: int, dout: int, one=Fraction(1)) -> str | None:
    """None if Σ_a M_a is the Choi operator (input factor first) of a trace-preserving map:
    Tr_out Σ_a M_a = I_in. Each M_a ⪰ 0 (complete positivity) is checked separately."""
    red: dict = {}
    for (r, c), v in combine([(1, M) for M in mats]).items():
        if r % dout == c % dout:
            key = (r // dout, c // dout)
            red[key] = red.get(key, 0) + v
    if not equal({k: v for k, v in red.items() if v != 0}, {(i, i): one for i in range(din)}):
        return "the instrument is not trace preserving (Tr_out Σ_a M_a ≠ I_in)"
    return None


def born(S: dict, M: dict):
    """p = Tr[Sᵀ M] = Σ_{r,c} S_rc M_rc (Araújo et al. 2015)."""
    return sum((v * M[k] for k, v in S.items() if k in M), 0)


def _projector_term(S: dict, space: Space, factors: dict) -> dict:
    """_[Π_k f_k] S for factors f_k ∈ {"1-X", "X"} on subsystems k (others untouched)."""
    terms = [(1, ())]
    for k, f in factors.items():
        terms = [(c, X + (k,)) for c, X in terms] if f == "X" else \
            [t for c, X in terms for t in ((c, X), (-c, X + (k,)))]
    return combine([(c, depolarize(S, space, X)) for c, X in terms])


# Liu–Chiribella Methods Eq. (12), subsystems A_in A_out B_in B_out:
# _[(1−A_in)(1−A_out) B_in B_out] S = _[(1−B_in)(1−B_out) A_in A_out] S = _[Π (1−X)] S = 0
CONDITIONS = ({0: "1-X", 1: "1-X", 2: "X", 3: "X"}, {2: "1-X", 3: "1-X", 0: "X", 1: "X"},
              {0: "1-X", 1: "1-X", 2: "1-X", 3: "1-X"})


def bistochastic_violation(S: dict, n: int) -> int | None:
    """None if S (local dimension n, PSD checked separately) has Tr S = n² and satisfies Eq. (12);
    otherwise the index of the first failing condition (-1: the trace)."""
    space = Space([n] * 4)
    if trace(S, space) != n * n:
        return -1
    return next((i for i, cond in enumerate(CONDITIONS) if _projector_term(S, space, cond)), None)
