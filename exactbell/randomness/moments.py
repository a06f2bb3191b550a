"""Moment matrices for Alice's projectors M_x = M_{0|x}, Bob's projectors N_j = N_{0|j} and (optionally)
Eve's operators Z_a, Z_a^* (Brown–Fawzi–Fawzi, Sec. 2.3): parties commute, projectors are idempotent,
Z_a is unconstrained. A word is (Alice letters, Bob letters, Eve letters); Eve's letter 2a + s is Z_a
(s = 0) or Z_a^* (s = 1). All data are real, so a real moment matrix suffices (the average of a
feasible Γ and its complex conjugate is feasible with the same value): the moment of w equals that of
w^*. The NPA hierarchy itself (±1 observables, exact rounding) is :mod:`exactbell.sdp.npa`; this
module only adds the non-Hermitian Eve operators that it has no letters for.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product

import numpy as np

ONE = ((), (), ())


def _reduce(word: tuple) -> tuple:
    """Projector words: equal neighbours collapse (P P = P)."""
    out: list = []
    for letter in word:
        if not out or out[-1] != letter:
            out.append(letter)
    return tuple(out)


def adjoint(w: tuple) -> tuple:
    a, b, e = w
    return (a[::-1], b[::-1], tuple(letter ^ 1 for letter in e[::-1]))


def product_word(u: tuple, v: tuple) -> tuple:
    """u v reduced (parties commute: concatenate party by party)."""
    return (_reduce(u[0] + v[0]), _reduce(u[1] + v[1]), u[2] + v[2])


def key(w: tuple) -> tuple:
    """The moment class of w: w and w^* have one real moment."""
    return min(w, adjoint(w))


def monomials(n_a: int, n_b: int, eve: bool, level: str = "bff") -> list:
    """The basis: 1, M_x, N_j, M_x N_j, M_x M_x', N_j N_j' (NPA level 2) and, with Eve,
    Z_a, Z_a^*, M_x Z, N_j Z (not at level "small"), Z_a^* Z_a, Z_a Z_a^* (BFF's extra monomials)."""
    A = [((x,), (), ()) for x in range(n_a)]
    B = [((), (j,), ()) for j in range(n_b)]
    out = [ONE] + A + B + [(a[0], b[1], ()) for a in A for b in B]
    if level == "2":
        out += [((x, y), (), ()) for x in range(n_a) for y in range(n_a) if x != y]
        out += [((), (i, j), ()) for i in range(n_b) for j in range(n_b) if i != j]
    if eve:
        Z = [((), (), (z,)) for z in range(4)]
        out += Z + [(a[0], (), z[2]) for a in A for z in Z]
        if level != "small":
            out += [((), b[1], z[2]) for b in B for z in Z]
        out += [((), (), (2 * a + 1, 2 * a)) for a in range(2)] + [((), (), (2 * a, 2 * a + 1)) for a in range(2)]
    return out


@dataclass
class MomentMatrix:
    """Γ_ij = <m_i^* m_j>; ``classes[k]`` lists the entries (i ≤ j) of moment class k."""

    basis: list
    keys: list = field(default_factory=list)
    index: dict = field(default_factory=dict)
    entries: list = field(default_factory=list)  # (i, j, class)

    @classmethod
    def build(cls, basis: list) -> MomentMatrix:
        mm = cls(basis)
        for i, mi in enumerate(basis):
            for j in range(i, len(basis)):
                k = key(product_word(adjoint(mi), basis[j]))
                if k not in mm.index:
                    mm.index[k] = len(mm.keys)
                    mm.keys.append(k)
                mm.entries.append((i, j, mm.index[k]))
        return mm

    @property
    def size(self) -> int:
        return len(self.basis)

    def linear(self, terms: dict) -> np.ndarray:
        """Coefficient vector over the moment classes of Σ c·<w> (``terms``: word -> c)."""
        v = np.zeros(len(self.keys))
        for w, c in terms.items():
            k = key(w)
            if k not in self.index:
                raise ValueError(f"moment {w} is not in the moment matrix")
            v[self.index[k]] += c
        return v


def prob_terms(a: int, b: int, x: int, j: int) -> dict:
    """<Π_{a|x} Π_{b|j}> with Π_{0|x} = M_x, Π_{1|x} = 1 − M_x (and Bob's likewise) as words."""
    out: dict = {}
    for ua, ub in product((0, 1), repeat=2):  # use the projector (1) or the identity (0) of each party
        ca = (1 if a == 0 else -1) if ua else (0 if a == 0 else 1)
        cb = (1 if b == 0 else -1) if ub else (0 if b == 0 else 1)
        if ca and cb:
            w = ((x,) if ua else (), (j,) if ub else (), ())
            out[w] = out.get(w, 0) + ca * cb
    return out


def functional_terms(G: np.ndarray) -> dict:
    """Σ G[a,b,x,j] q(ab|xj) as moment terms."""
    out: dict = {}
    for a, b, x, j in np.ndindex(*G.shape):
        if G[a, b, x, j]:
            for w, c in prob_terms(a, b, x, j).items():
                out[w] = out.get(w, 0) + G[a, b, x, j] * c
    return out


def bob_marginal_terms(j: int, sign: float = 1.0) -> dict:
    """sign·<N_{0|j}>."""
    return {((), (j,), ()): sign}
