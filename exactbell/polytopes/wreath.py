"""Canonical facets of a local polytope under its relabeling group, never listing the group
(producer side, untrusted; numpy integers only, so exact).

The relabeling group of a local scenario is (party permutations among equal parties) ⋉ ∏_i W_i,
W_i = S_o ≀ S_m (per input an output permutation, then an input permutation) acting on the
deterministic strategies of party i; the vertices are the grid of strategy tuples (s_1, …, s_k).
A facet is handled as its primitive integer slack S on the grid. For fixed strategies of the
other parties, S is additively separable in the last party's outputs (S is affine in
p(a|x) = ∏ δ(a_i = s_i(x_i))):

    o·S(r, b) = Σ̄(r) + Σ_y H_y(r, b_y),   Σ̄(r) = o·S(r, 0) + Σ_{y,j} C_y(r, j),
    H_y(r, j) = o·C_y(r, j) − Σ_j' C_y(r, j'),   C_y(r, j) = S(r, b = j·e_y) − S(r, 0),

so the orbit of S under W_k is given by Σ̄ and the multiset over inputs y of the multisets over
outputs j of the columns H_y(·, j): canonical by sorting the columns per input, then the inputs
(the outcome relabeling per input, then the input order). The remaining "outer" part (party
permutations and W_1 … W_{k−1}: 768 elements for 4,4:2,2 instead of the group's 294,912) is
run through at once with numpy and the least key wins. The canonical facet is the image of the
facet under the element realising that key (rebuilt by the sorting permutations).
"""
from __future__ import annotations

from itertools import permutations, product
from math import gcd, prod

import numpy as np

from .exact import PolytopeError


def _wreath(m: int, o: int) -> np.ndarray:
    """All elements of S_o ≀ S_m as permutations of the o**m strategies (index Σ s[x]·o**(m−1−x))."""
    strats = list(product(range(o), repeat=m))
    where = {s: k for k, s in enumerate(strats)}
    out = []
    for sigma in permutations(range(m)):
        for taus in product(list(permutations(range(o))), repeat=m):
            row = []
            for s in strats:
                t = [0] * m
                for x in range(m):
                    t[sigma[x]] = taus[x][s[x]]
                row.append(where[tuple(t)])
            out.append(row)
    return np.array(out, dtype=np.int32)


class LocalGroup:
    """The relabeling group of a local scenario acting on the vertices ``labels`` (one strategy
    tuple per support point, e.g. ``((0, 1), (1, 1))``); every strategy tuple must be a vertex.
    ``generators``: vertex permutations generating the group, as the caller computed them."""

    def __init__(self, inputs, outputs, labels, generators=()):
        self.inputs, self.outputs = tuple(inputs), tuple(outputs)
        k = len(self.inputs)
        self.k = k
        sizes = [o ** m for m, o in zip(self.inputs, self.outputs)]
        self.sizes = sizes
        grid = prod(sizes)
        if len(labels) != grid:
            raise PolytopeError("the local group needs every deterministic strategy as a vertex")
        self.n = grid
        # vertex position <-> grid index (row-major over parties)
        pos2grid = np.empty(grid, dtype=np.int64)
        for i, lab in enumerate(labels):
            g = 0
            for p in range(k):
                s = 0
                for a in lab[p]:
                    s = s * self.outputs[p] + a
                g = g * sizes[p] + s
            pos2grid[i] = g
        if len(set(pos2grid.tolist())) != grid:
            raise PolytopeError("the support labels are not the deterministic strategies")
        self.pos2grid = pos2grid
        self.grid2pos = np.argsort(pos2grid)
        self.W = [_wreath(m, o) for m, o in zip(self.inputs, self.outputs)]
        pperms = [pi for pi in permutations(range(k))
                  if all(self.inputs[pi[i]] == self.inputs[i] and self.outputs[pi[i]] == self.outputs[i]
                         for i in range(k))]
        self.order = len(pperms) * prod(len(w) for w in self.W)
        # the outer elements (party permutation, then W_1 … W_{k-1}) as grid permutations
        shape = tuple(sizes)
        idx = np.arange(grid).reshape(shape)
        outer = []
        for pi in pperms:
            # party i's strategy goes to slot pi[i]: new[..., s_i at axis pi[i], ...] = old
            moved = np.transpose(idx, np.argsort(pi))  # moved[new coords] = old grid index
            img = np.empty(grid, dtype=np.int64)
            img[moved.ravel()] = np.arange(grid)  # img[old] = new
            for ws in product(*[range(len(w)) for w in self.W[:-1]]):
                coords = np.array(np.unravel_index(img, shape))
                for p, wi in enumerate(ws):
                    coords[p] = self.W[p][wi][coords[p]]
                outer.append(np.ravel_multi_index(tuple(coords), shape))
        self.outer = np.array(outer, dtype=np.int64)  # outer[e][old grid] = new grid
        inv = np.empty_like(self.outer)
        inv[np.arange(len(outer))[:, None], self.outer] = np.arange(grid)[None, :]
        self.outer_inv = inv  # image values: S'[new] = S[inv[new]]
        m, o = self.inputs[-1], self.outputs[-1]
        self.m, self.o = m, o
        self.rest = grid // sizes[-1]
        # last party: strategy index of j·e_y, and W_k as permutations of its strategies
        self.unit = np.array([[j * o ** (m - 1 - y) for j in range(o)] for y in range(m)], dtype=np.int64)
        self.Wk = self.W[-1]
        self.Wk_inv = np.argsort(self.Wk, axis=1)
        strats = np.array(list(product(range(o), repeat=m)), dtype=np.int64)  # (N_k, m)
        self.strats = strats
        self.generators = [tuple(g) for g in generators]  # the caller's generating set (fingerprints, orbits)

    # -------------------------------------------------------------------------------------
    def _vertex_perm(self, grid_img) -> tuple:
        """grid_img[old grid] = new grid  ->  vertex permutation on support positions."""
        return tuple(int(x) for x in self.grid2pos[grid_img[self.pos2grid]])

    def _grid_slack(self, slack) -> np.ndarray:
        S = np.empty(self.n, dtype=np.int64)
        S[self.pos2grid] = np.asarray([int(x) for x in slack], dtype=np.int64)
        return S

    def _keys(self, S):
        """Per outer element e: (key row, per-input column order, input order) of e(S) under W_k."""
        o, m, R = self.o, self.m, self.rest
        img = S[self.outer_inv].reshape(len(self.outer), R, self.sizes[-1])  # img[e, r, b]
        S0 = img[:, :, 0]
        C = img[:, :, self.unit] - S0[:, :, None, None]  # (E, R, m, o)
        Ctot = C.sum(axis=3)  # (E, R, m)
        sbar = o * S0 + Ctot.sum(axis=2)
        H = o * C - Ctot[:, :, :, None]
        cols = np.ascontiguousarray(H.transpose(0, 2, 3, 1)).reshape(-1, R)  # (E*m*o, R)
        _, cid = np.unique(cols, axis=0, return_inverse=True)
        cid = cid.reshape(len(self.outer), m, o)
        jorder = np.argsort(cid, axis=2, kind="stable")
        scid = np.take_along_axis(cid, jorder, axis=2)
        _, yid = np.unique(scid.reshape(-1, o), axis=0, return_inverse=True)
        yid = yid.reshape(len(self.outer), m)
        yorder = np.argsort(yid, axis=1, kind="stable")
        E = len(self.outer)
        Hj = np.take_along_axis(H, np.broadcast_to(jorder[:, None, :, :], H.shape), axis=3)
        sortedH = np.take_along_axis(Hj, np.broadcast_to(yorder[:, None, :, None], H.shape), axis=2)
        key = np.concatenate([sbar, sortedH.reshape(E, -1)], axis=1)
        return key, jorder, yorder, sbar, sortedH

    def _last(self, jorder_e, yorder_e) -> np.ndarray:
        """W_k element (as a permutation of the last party's strategies) realising the sort: new
        input p is old input yorder[p], new output q there is old output jorder[yorder[p]][q]."""
        m, o = self.m, self.o
        jinv = np.argsort(jorder_e, axis=1)  # jinv[y][old output] = new output
        old = self.strats  # (N_k, m)
        new = np.empty_like(old)
        for p in range(m):
            y = yorder_e[p]
            new[:, p] = jinv[y][old[:, y]]
        weights = o ** np.arange(m - 1, -1, -1)
        return new @ weights

    def _analyse(self, T, slack):
        if slack is None:
            raise PolytopeError("the local group canonises facets by their slack vectors")
        S = self._grid_slack(slack)
        key, jorder, yorder, sbar, sortedH = self._keys(S)
        order = np.lexsort(key.T[::-1])
        best = order[0]
        ties = order[(key[order] == key[best]).all(axis=1)]
        # the canonical slack (scaled by o) and its zero set
        full = sbar[best][:, None] + sum(sortedH[best][:, p, :][:, self.strats[:, p]] for p in range(self.m))
        zeros = np.nonzero(full.reshape(-1) == 0)[0]
        canon = tuple(sorted(int(x) for x in self.grid2pos[zeros]))
        return ties, jorder, yorder, full, canon

    def _element(self, e, jorder, yorder) -> np.ndarray:
        """Grid permutation (old -> new) of W_k(sort of e) ∘ outer e."""
        Nk = self.sizes[-1]
        w = self._last(jorder[e], yorder[e])
        g = self.outer[e]
        return (g // Nk) * Nk + w[g % Nk]

    def canonical_with(self, T, slack=None):
        """(canonical tight set, vertex permutation mapping T onto it)."""
        ties, jorder, yorder, _, canon = self._analyse(T, slack)
        g = self._element(int(ties[0]), jorder, yorder)
        return canon, np.asarray(self.grid2pos[g[self.pos2grid]], dtype=np.int32)

    def canonical(self, T, slack=None) -> tuple:
        return self.canonical_with(T, slack)[0]

    def stabiliser_perms(self, T, slack=None) -> np.ndarray:
        """Every element fixing T, as vertex permutations (rows): k = h⁻¹ ∘ h0 over the elements
        h mapping T onto its canonical form (the winning outer elements, each followed by its
        sort and by the W_k elements fixing the canonical slack)."""
        ties, jorder, yorder, F, _ = self._analyse(T, slack)
        Nk = self.sizes[-1]
        fix = [w for w, wi in zip(self.Wk, self.Wk_inv) if (F[:, wi] == F).all()]
        hs = []
        for e in ties:
            g = self._element(int(e), jorder, yorder)
            hs.extend((g // Nk) * Nk + w[g % Nk] for w in fix)
        H = np.array(hs)  # grid maps (old -> new) sending T onto canon
        K = np.argsort(H, axis=1)[:, H[0]]  # h^-1 ∘ h0
        return np.asarray(self.grid2pos[K[:, self.pos2grid]], dtype=np.int32)

    def orbit_size(self, T, slack=None) -> int:
        return self.order // len(self.stabiliser_perms(T, slack))


def slack_of(values) -> np.ndarray:
    """Primitive non-negative integer slack (int64)."""
    v = [int(x) for x in values]
    g = 0
    for x in v:
        g = gcd(g, x)
    return np.array([x // g for x in v], dtype=np.int64)
