"""Exact assemblages and their checks (PSD, no-signalling, Bell correlations). Float-free.

See :mod:`exactbell.steering` for the index / tensor / transposition conventions.
"""
from __future__ import annotations

from fractions import Fraction
from itertools import product

from ..kernel.gaussian import Gaussian
from ..kernel.scenario import Behaviour, Scenario
from ..kernel.steering import TYPES, povm_failure
from ..kernel.steering import Assemblage as KernelAssemblage
from . import matrices as mx


class AssemblageError(ValueError):
    """Malformed assemblage: wrong shapes, non-Hermitian blocks, inconsistent index ranges."""


def _count(spec, key, what):
    v = spec.get(key)
    if not isinstance(v, int) or isinstance(v, bool) or v < 1:
        raise AssemblageError(f"{what} ({key!r}) must be a positive integer, got {v!r}")
    return v


class Assemblage(KernelAssemblage):
    """Producer-side assemblage: the kernel's :class:`~exactbell.kernel.steering.Assemblage` (blocks keyed
    (y, x, a), no-signalling, post-selection, noise) plus validation, JSON I/O and Bell correlations."""

    def __init__(self, type_: str, dim: int, nx: int, na: int, ny: int, blocks: dict, field=None):
        if type_ not in TYPES:
            raise AssemblageError(f"unknown assemblage type {type_!r} (known: {', '.join(TYPES)})")
        if type_ != "bob-with-input" and ny != 1:
            raise AssemblageError(f"a {type_} assemblage has no Bob input (ny must be 1)")
        super().__init__(type_, dim, nx, na, ny, blocks)
        self.field = field
        if set(blocks) != set(product(range(ny), range(nx), range(na))):
            raise AssemblageError("blocks do not cover exactly the index range y×x×a")
        for k, B in blocks.items():
            if not mx.is_square(B, dim):
                raise AssemblageError(f"block {self.label(k)} is not a {dim}x{dim} matrix")
            if not mx.is_hermitian(B):
                raise AssemblageError(f"block {self.label(k)} is not Hermitian")

    @classmethod
    def wrap(cls, K: KernelAssemblage, field=None) -> Assemblage:
        return cls(K.type, K.dim, K.nx, K.na, K.ny, K.blocks, field)

    def block(self, a, x, y=0):
        return self.blocks[(y, x, a)]

    @classmethod
    def from_spec(cls, spec, field=None) -> Assemblage:
        """``{"type", "dim", "x", "a", ["y"], "blocks"}``; blocks[y][x][a] (BWI) or blocks[x][a]."""
        if not isinstance(spec, dict):
            raise AssemblageError("assemblage must be an object {type, dim, x, a, [y], blocks}")
        type_ = spec.get("type")
        if type_ not in TYPES:
            raise AssemblageError(f"unknown assemblage type {type_!r} (known: {', '.join(TYPES)})")
        dim = _count(spec, "dim", "Bob's dimension")
        nx = _count(spec, "x", "number of Alice's inputs")
        na = _count(spec, "a", "number of Alice's outcomes")
        bwi = type_ == "bob-with-input"
        ny = _count(spec, "y", "number of Bob's inputs") if bwi else 1
        if not bwi and "y" in spec:
            raise AssemblageError(f"a {type_} assemblage takes no 'y' count")
        raw = spec.get("blocks")
        layers = raw if bwi else [raw]
        if not isinstance(layers, list) or len(layers) != ny:
            raise AssemblageError(f"blocks must list {ny} entries (one per y)" if bwi else "blocks must be a list")
        blocks = {}
        for y, layer in enumerate(layers):
            if not isinstance(layer, list) or len(layer) != nx:
                raise AssemblageError(f"blocks{'[%d]' % y if bwi else ''} must list {nx} inputs x")
            for x, outs in enumerate(layer):
                if not isinstance(outs, list) or len(outs) != na:
                    raise AssemblageError(f"blocks{'[%d]' % y if bwi else ''}[{x}] must list {na} outcomes a")
                for a, M in enumerate(outs):
                    try:
                        blocks[(y, x, a)] = mx.parse_matrix(M, field, dim, dim, "block")
                    except mx.MatrixError as e:
                        where = f"[{y}][{x}][{a}]" if bwi else f"[{x}][{a}]"
                        raise AssemblageError(f"blocks{where}: {e}") from None
        return cls(type_, dim, nx, na, ny, blocks, field)

    def to_spec(self) -> dict:
        spec = {"type": self.type, "dim": self.dim, "x": self.nx, "a": self.na}
        layers = [[[mx.matrix_text(self.blocks[(y, x, a)]) for a in range(self.na)] for x in range(self.nx)]
                  for y in range(self.ny)]
        if self.type == "bob-with-input":
            spec["y"] = self.ny
            spec["blocks"] = layers
        else:
            spec["blocks"] = layers[0]
        return spec

    # -- checks (the kernel's, under the producer names) ----------------------------------------------
    def first_non_psd(self):
        """None if every block is PSD, else (key, v, v†σv)."""
        bad = self.not_psd(self.field)
        return None if bad is None else (bad[0], (bad[1].witness, bad[1].witness_value))

    def bob_marginal(self, x, y=0):
        return self.marginal(x, y)

    def alice_probability(self, a, x, y=0):
        """tr σ_{a|xy} (real for Hermitian blocks)."""
        return mx.trace(self.blocks[(y, x, a)]).re

    def ns_violations(self) -> list[str]:
        bad = self.signalling()
        return [] if bad is None else [bad]

    def is_no_signalling(self) -> bool:
        return self.first_non_psd() is None and not self.ns_violations()

    def postselect(self) -> Assemblage:
        if self.type != "bob-with-input" or self.ny != self.na:
            raise AssemblageError("post-selection y = a needs a Bob-with-input assemblage with as many y as a")
        return Assemblage.wrap(super().postselect(), self.field)

    def mix(self, v) -> Assemblage:
        """v·self + (1−v)·white noise."""
        return Assemblage.wrap(super().mix(v), self.field)

    def correlations(self, povms) -> Behaviour:
        """p(a,b|x,y) = tr(N_{b|y} σ_{a|xy}) for Bob's POVMs ``povms[y][b]`` (exact; checks POVM-ness).

        For a traditional assemblage ``povms[y]`` lists Bob's measurements (his input y is a new label).
        """
        ny = self.ny if self.type == "bob-with-input" else len(povms)
        if not isinstance(povms, list) or len(povms) != ny or not povms:
            raise AssemblageError(f"need one POVM per Bob input ({ny})")
        nb = len(povms[0])
        for y, P in enumerate(povms):
            check_povm(P, self.dim, f"Bob's POVM for y={y}", self.field)
            if len(P) != nb:
                raise AssemblageError("Bob's POVMs must have the same number of outcomes")
        sc = Scenario((self.nx, ny), (self.na, nb))
        vals = []
        for (a, b), (x, y) in sc.entries():
            yy = y if self.type == "bob-with-input" else 0
            t = mx.trace(mx.matmul(povms[y][b], self.blocks[(yy, x, a)]))
            if t.im != 0:
                raise AssemblageError("tr(N sigma) is not real")
            vals.append(t.re)
        return Behaviour(sc, tuple(vals))


def check_povm(P, dim, what="POVM", field=None):
    """Every element PSD and Σ_b N_b = 𝟙 (exact). Raises AssemblageError naming the failure."""
    if not isinstance(P, list) or not P:
        raise AssemblageError(f"{what} must be a non-empty list of matrices")
    for b, N in enumerate(P):
        if not mx.is_square(N, dim):
            raise AssemblageError(f"{what}: element {b} is not {dim}x{dim}")
        if not mx.is_hermitian(N):
            raise AssemblageError(f"{what}: element {b} is not Hermitian")
    bad = povm_failure(P, dim, field)
    if bad:
        raise AssemblageError(f"{what}: {bad}")


# -- explicit assemblages of Sainz–Hoban–Skrzypczyk–Aolita --------------------------------------
QUARTER = Fraction(1, 4)
HALF = Fraction(1, 2)


def pauli_block(sign, x):
    """¼(𝟙 + sign·σ_x), x = 0,1,2 ↔ X,Y,Z."""
    return mx.scale(QUARTER, mx.add(mx.identity(2), mx.scale(sign, mx.PAULI[x])))


def pr_assemblage() -> Assemblage:
    """Eq. (5): σ*_{a|xy} = ½(|a⟩⟨a| [xy = 0] + |a⊕1⟩⟨a⊕1| [xy = 1])."""
    blocks = {}
    for y, x, a in product(range(2), range(2), range(2)):
        k = a if x * y == 0 else a ^ 1
        B = mx.zeros(2)
        B[k][k] = Gaussian(HALF)
        blocks[(y, x, a)] = B
    return Assemblage("bob-with-input", 2, 2, 2, 2, blocks)


def eq6_intended(y0: int = 0) -> Assemblage:
    """Eq. (6) as intended: σ_{a|xy} = ¼(𝟙 + (−1)^{a + [x=Y][y=y0]} σ_x), x = 0,1,2 ↔ X,Y,Z."""
    blocks = {}
    for y, x, a in product(range(2), range(3), range(2)):
        e = a + (1 if (x == 1 and y == y0) else 0)
        blocks[(y, x, a)] = pauli_block((-1) ** e, x)
    return Assemblage("bob-with-input", 2, 3, 2, 2, blocks)


def eq6_literal() -> Assemblage | None:
    """Eq. (6) as printed, read with δ_y = [y = 1] and δ_x := 0: ¼(𝟙 + (−1)^a 2^{δ_y} σ_x).

    Not an assemblage (blocks at y = 1 have eigenvalue −¼); returned without the Hermitian/PSD
    refusal, since the blocks are Hermitian — PSD fails, which is the point.
    """
    blocks = {}
    for y, x, a in product(range(2), range(3), range(2)):
        blocks[(y, x, a)] = pauli_block((-1) ** a * 2 ** y, x)
    return Assemblage("bob-with-input", 2, 3, 2, 2, blocks)


def white_noise(like: Assemblage) -> Assemblage:
    """σ_{a|xy} = 𝟙/(na·dim): the noise of the visibility model."""
    return like.mix(0)


def eq6_postselected() -> Assemblage:
    """The instrumental example of Thms 3–4: Eq. (6) (intended, y0 = 0) with y = a."""
    return eq6_intended(0).postselect()


def pr_postselected() -> Assemblage:
    """Eq. (5) with y = a (C003-18)."""
    return pr_assemblage().postselect()


def same_blocks(A: Assemblage, B: Assemblage) -> bool:
    return (A.type, A.dim, A.nx, A.na, A.ny) == (B.type, B.dim, B.nx, B.na, B.ny) and all(
        A.blocks[k] == B.blocks[k] for k in A.blocks)
