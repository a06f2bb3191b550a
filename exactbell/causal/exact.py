"""Exact operator algebra for process matrices and the ICO dual (float-free; imported by checkers).

Conventions (Liu–Chiribella, arXiv:2403.02749):

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


# ----------------------------------------------------------------------------------------------
# correlations α_{a,x}
# ----------------------------------------------------------------------------------------------
def correlation_table(scenario, coefficients) -> dict:
    """{(a, x): α} from a flat list in canonical (inputs-major) order."""
    if len(coefficients) != scenario.size:
        raise CausalError(f"a correlation of scenario {scenario.to_spec()} has {scenario.size} coefficients, "
                          f"got {len(coefficients)}")
    return {ax: c for ax, c in zip(scenario.entries(), coefficients)}


def dependence(scenario, alpha: dict, x: tuple) -> set:
    """Parties i on whose outcome a_i the coefficients α_{·,x} depend at context x."""
    out = set()
    for i in range(scenario.parties):
        for a in scenario.outcomes:
            base = alpha[(a, x)]
            for ai in range(scenario.outputs[i]):
                b = a[:i] + (ai,) + a[i + 1:]
                if alpha[(b, x)] != base:
                    out.add(i)
                    break
            if i in out:
                break
    return out


def trigger_sets(scenario, alpha: dict) -> list[set]:
    """For each party the set of settings at which α depends on that party's outcome."""
    sets = [set() for _ in range(scenario.parties)]
    for x in scenario.contexts:
        for i in dependence(scenario, alpha, x):
            sets[i].add(x[i])
    return sets


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
            return f"the coefficients depend on party {i}'s outcome at setting {bad[0]}, which is not its trigger {trigger[i]}"
    return None


def single_triggers(scenario, alpha: dict) -> list[tuple]:
    """All trigger tuples for which α is single-trigger (empty if it is not single-trigger)."""
    sets = trigger_sets(scenario, alpha)
    if any(len(s) > 1 for s in sets):
        return []
    choices = [sorted(s) if s else list(range(scenario.inputs[i])) for i, s in enumerate(sets)]
    return list(product(*choices))


def canonical_decomposition(scenario, alpha: dict) -> dict:
    """The paper's construction (Sec. II): α^ξ_{a,x} = δ_{x,ξ} α_{a,ξ}, one piece per nonzero context."""
    zero = alpha[next(iter(alpha))] * 0
    out = {}
    for xi in scenario.contexts:
        piece = {(a, x): (alpha[(a, x)] if x == xi else zero) for a, x in scenario.entries()}
        if any(piece[(a, xi)] != 0 for a in scenario.outcomes):
            out[xi] = piece
    return out


def minimal_decomposition(scenario, alpha: dict, limit: int = 1 << 16) -> dict:
    """A decomposition into the fewest single-trigger pieces that assign whole contexts to triggers.

    Context x can go to trigger ξ iff every party on which α_{·,x} depends has x_i = ξ_i. The
    smallest cover is found by exhaustive search over trigger subsets of increasing size (at most
    ``limit`` subsets); falls back to :func:`canonical_decomposition` beyond that.
    """
    from itertools import combinations

    ctxs = [x for x in scenario.contexts if any(alpha[(a, x)] != 0 for a in scenario.outcomes)]
    deps = {x: dependence(scenario, alpha, x) for x in ctxs}
    triggers = scenario.contexts

    def fits(x, xi):
        return all(x[i] == xi[i] for i in deps[x])

    tried = 0
    for k in range(1, len(triggers) + 1):
        for combo in combinations(triggers, k):
            tried += 1
            if tried > limit:
                return canonical_decomposition(scenario, alpha)
            if all(any(fits(x, xi) for xi in combo) for x in ctxs):
                zero = alpha[next(iter(alpha))] * 0
                assign = {x: next(xi for xi in combo if fits(x, xi)) for x in ctxs}
                return {xi: {(a, x): (alpha[(a, x)] if assign.get(x) == xi else zero) for a, x in scenario.entries()}
                        for xi in combo}
    return canonical_decomposition(scenario, alpha)


# ----------------------------------------------------------------------------------------------
# tensor index helpers
# ----------------------------------------------------------------------------------------------
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
    dims, layout = [], []
    for m, n in zip(scenario.outputs, scenario.inputs):
        k = len(dims)
        dims += [m, m, n]
        layout.append((k, (k + 1, k + 2)))
    return dims, layout


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
    """Bipartite process-matrix projector L_V of Araújo et al. (2015); parties A = layout[0], B = layout[1]."""
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


# ----------------------------------------------------------------------------------------------
# canonical instruments and the single-trigger operator Ω (Eqs. 19-21), in block form
# ----------------------------------------------------------------------------------------------
def block_space(scenario) -> Space:
    dims = []
    for m in scenario.outputs:
        dims += [m, m]
    return Space(dims)


def party_factor(m: int, a: int, x: int, xi: int, one=Fraction(1)) -> dict:
    """Choi operator of the canonical instrument on (in, copy) for outcome a at setting x (label removed).

    x = ξ: |a⟩⟨a| ⊗ |a⟩⟨a|; x ≠ ξ: |Φ⟩⟨Φ| with |Φ⟩ = Σ_j |jj⟩/√m (random outcome, identity channel).
    """
    if x == xi:
        return {(a * m + a, a * m + a): one}
    return {(j * m + j, k * m + k): one / m for j in range(m) for k in range(m)}


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
    out = [[zero] * n for _ in range(n)]
    for (r, c), v in M.items():
        out[r][c] = v
    return out


def sparse(rows) -> dict:
    return {(r, c): v for r, row in enumerate(rows) for c, v in enumerate(row) if v != 0}
