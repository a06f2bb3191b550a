"""Polytope models: exact, deduplicated vertex generation and candidate relabelings.

Models (all float-free; checkers import this module):

* ``signaling`` — S_(p,q),(r,s) of Sengupta–Wooltorton Eq. (9): 256 label pairs (kA, kB) of
  deterministic responses f_A(x, ỹ), f_B(x̃, y). Coordinates are the 16 entries of the Eq. (5)
  matrix read row by row: coordinate 4i + j = P[i][j] = p(ab|xy) with i = 2x+a, j = 2y+b.
  Label k of a truth table t[first][second] is the integer with bits t00 t01 t10 t11 (t00 most
  significant), e.g. k = 3 is t = ((0,0),(1,1)).
* ``signaling-mix`` — S_(p,1)*,(r,1)* of Eq. (11): the union of the vertices of the four
  polytopes (p,1)/(1,p) × (r,1)/(1,r); labels (channel, kA, kB).
* ``local`` — the local polytope of any scenario (canonical "inputs-major" order).
* ``causal`` — the bipartite causal polytope, imported at run time from
  :mod:`exactbell.causal.polytope` when that module exists.

A *relabeling* is a coordinate permutation π (the image w of a point v has w[π[k]] = v[k]). The
symmetry group of a model is the set of candidate relabelings that map the point set onto
itself; :func:`symmetry_group` computes it (it is never assumed).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from itertools import product

from ..kernel.numbers import format_rational, to_rational
from ..kernel.scenario import Behaviour, Scenario
from .exact import PermGroup, PolytopeError, PointSet, compose
from .signaling import MODELS, truth_tables, vertex

TABLES = list(truth_tables())  # index k -> table; bits t00 t01 t10 t11, t00 most significant
SW_COORDS = [f"p({i % 2}{j % 2}|{i // 2}{j // 2})" for i in range(4) for j in range(4)]


@dataclass
class Model:
    name: str
    parameters: dict  # name -> Fraction
    coords: list  # coordinate names
    points: list  # distinct points (tuples of Fractions), in first-appearance order of labels
    labels: list  # labels[i] = list of generating labels of point i
    relabelings: dict = field(default_factory=dict)  # name -> coordinate permutation (tuple)
    _pointset: PointSet | None = None

    @property
    def pointset(self) -> PointSet:
        if self._pointset is None:
            self._pointset = PointSet(self.points)
        return self._pointset

    def index_of(self) -> dict:
        return {v: i for i, v in enumerate(self.points)}

    def point_of_label(self, label) -> int:
        label = tuple(label)
        for i, labs in enumerate(self.labels):
            if label in labs:
                return i
        raise PolytopeError(f"no point with label {label}")


def check_fidelity(name: str, value) -> Fraction:
    v = to_rational(value)
    if not 0 <= v <= 1:
        raise PolytopeError(f"fidelity {name} = {format_rational(v)} is outside [0, 1]")
    return v


def _dedupe(pairs):
    points, labels, where = [], [], {}
    for lab, v in pairs:
        if v in where:
            labels[where[v]].append(lab)
        else:
            where[v] = len(points)
            points.append(v)
            labels.append([lab])
    return points, labels


def signaling_points(p, q, r, s):
    """(label, point) for all 256 label pairs (kA, kB); scalars generic (Fraction or Poly)."""
    out = []
    for ka, ta in enumerate(TABLES):
        for kb, tb in enumerate(TABLES):
            B = vertex(ta, tb, p, q, r, s)
            out.append(((ka, kb), tuple(sw_flat(B))))
    return out


def sw_flat(B: Behaviour) -> list:
    """Behaviour (canonical order) -> the 16 Eq. (5) matrix entries read row by row."""
    from ..kernel.functional import sw_index

    return [B.values[sw_index(B.scenario, i, j)] for i in range(4) for j in range(4)]


def sw_relabelings() -> dict:
    """The 7 generating relabelings of the 2-party binary scenario on Eq. (5) coordinates."""
    def perm(fn):
        out = [0] * 16
        for i in range(4):
            for j in range(4):
                i2, j2 = fn(i, j)
                out[4 * i + j] = 4 * i2 + j2
        return tuple(out)

    flipa = lambda x: (lambda i, j: (i ^ 1 if i // 2 == x else i, j))
    flipb = lambda y: (lambda i, j: (i, j ^ 1 if j // 2 == y else j))
    return {
        "flip-a@x=0": perm(flipa(0)), "flip-a@x=1": perm(flipa(1)),
        "flip-b@y=0": perm(flipb(0)), "flip-b@y=1": perm(flipb(1)),
        "swap-x": perm(lambda i, j: (i ^ 2, j)), "swap-y": perm(lambda i, j: (i, j ^ 2)),
        "swap-parties": perm(lambda i, j: (j, i)),
    }


def signaling(p, q, r, s) -> Model:
    fid = {k: check_fidelity(k, v) for k, v in zip("pqrs", (p, q, r, s))}
    points, labels = _dedupe(signaling_points(*fid.values()))
    return Model("signaling", fid, list(SW_COORDS), points, labels, sw_relabelings())


def named_signaling(name: str, **params) -> Model:
    """One of the paper's named models (see signaling.MODELS), e.g. ("two-way-symmetric", p=3/4)."""
    from ..behaviours import parse_rational

    if name not in MODELS:
        raise PolytopeError(f"unknown signaling model {name!r} (known: {', '.join(MODELS)})")
    vals = {k: to_rational(v) for k, v in params.items()}
    fids = [parse_rational(MODELS[name][k], vals) for k in "pqrs"]
    m = signaling(*fids)
    m.name = name
    m.parameters = dict(vals)
    return m


MIX_CHANNELS = {"(p,1),(r,1)": (0, 0), "(p,1),(1,r)": (0, 1), "(1,p),(r,1)": (1, 0), "(1,p),(1,r)": (1, 1)}


def signaling_mix(p, r) -> Model:
    """S_(p,1)*,(r,1)* of Eq. (11)."""
    p, r = check_fidelity("p", p), check_fidelity("r", r)
    pairs = []
    for name, (ca, cb) in MIX_CHANNELS.items():
        fx = (p, Fraction(1)) if ca == 0 else (Fraction(1), p)
        fy = (r, Fraction(1)) if cb == 0 else (Fraction(1), r)
        for (ka, kb), v in signaling_points(*fx, *fy):
            pairs.append(((name, ka, kb), v))
    points, labels = _dedupe(pairs)
    return Model("signaling-mix", {"p": p, "r": r}, list(SW_COORDS), points, labels, sw_relabelings())


# ---------------------------------------------------------------------------------------------
# local polytopes of arbitrary scenarios

def local(scenario: Scenario) -> Model:
    if any(o < 1 for o in scenario.outputs) or any(m < 1 for m in scenario.inputs):
        raise PolytopeError("every party needs at least one input and one output")
    pairs = []
    for strat in product(*[list(scenario.deterministic_strategies(i)) for i in range(scenario.parties)]):
        B = Behaviour.deterministic(scenario, strat)
        pairs.append((tuple(strat), tuple(Fraction(v) for v in B.values)))
    points, labels = _dedupe(pairs)
    coords = []
    for a, x in scenario.entries():
        coords.append(f"p({''.join(map(str, a))}|{''.join(map(str, x))})")
    return Model("local", {}, coords, points, labels, local_relabelings(scenario))


def local_relabelings(sc: Scenario) -> dict:
    """Generators: output transposition/cycle per (party, input), input transposition/cycle per
    party, transpositions of parties with the same numbers of inputs and outputs."""
    entries = list(sc.entries())
    index = {(a, x): k for k, (a, x) in enumerate(entries)}

    def perm(fn):
        out = [0] * len(entries)
        for k, (a, x) in enumerate(entries):
            a2, x2 = fn(a, x)
            out[k] = index[(tuple(a2), tuple(x2))]
        return tuple(out)

    gens = {}
    for i in range(sc.parties):
        o, m = sc.outputs[i], sc.inputs[i]
        for xi in range(m):
            if o >= 2:
                def swap_out(a, x, i=i, xi=xi):
                    a = list(a)
                    if x[i] == xi and a[i] in (0, 1):
                        a[i] ^= 1
                    return a, x
                gens[f"out-swap{i}@{xi}"] = perm(swap_out)
            if o >= 3:
                def cyc_out(a, x, i=i, xi=xi, o=o):
                    a = list(a)
                    if x[i] == xi:
                        a[i] = (a[i] + 1) % o
                    return a, x
                gens[f"out-cycle{i}@{xi}"] = perm(cyc_out)
        if m >= 2:
            def swap_in(a, x, i=i):
                x = list(x)
                if x[i] in (0, 1):
                    x[i] ^= 1
                return a, x
            gens[f"in-swap{i}"] = perm(swap_in)
        if m >= 3:
            def cyc_in(a, x, i=i, m=m):
                x = list(x)
                x[i] = (x[i] + 1) % m
                return a, x
            gens[f"in-cycle{i}"] = perm(cyc_in)
    for i in range(sc.parties):
        for j in range(i + 1, sc.parties):
            if sc.inputs[i] == sc.inputs[j] and sc.outputs[i] == sc.outputs[j]:
                def swap_p(a, x, i=i, j=j):
                    a, x = list(a), list(x)
                    a[i], a[j] = a[j], a[i]
                    x[i], x[j] = x[j], x[i]
                    return a, x
                gens[f"party-swap{i}{j}"] = perm(swap_p)
    return gens


def causal(scenario: Scenario | None = None) -> Model:
    """The causal polytope (definite-order strategies), from :mod:`exactbell.causal.polytope`
    (imported at run time; default scenario: bipartite, binary inputs and outputs)."""
    try:
        from ..causal import polytope as cp  # type: ignore
    except ImportError:
        raise PolytopeError("the causal polytope module (exactbell.causal.polytope) is not available") from None
    sc = scenario or Scenario((2, 2), (2, 2))
    fn = getattr(cp, "causal_vertices", None)
    if not callable(fn):
        raise PolytopeError("exactbell.causal.polytope has no causal_vertices(scenario)")
    pairs = [((k,), tuple(Fraction(x) for x in B.values)) for k, B in enumerate(fn(sc))]
    points, labels = _dedupe(pairs)
    coords = [f"p({''.join(map(str, a))}|{''.join(map(str, x))})" for a, x in sc.entries()]
    return Model("causal", {}, coords, points, labels, local_relabelings(sc))


# ---------------------------------------------------------------------------------------------
# symmetry

def coordinate_image(pi, v) -> tuple:
    w = [None] * len(v)
    for k, x in enumerate(v):
        w[pi[k]] = x
    return tuple(w)


def closure(gens: list, n: int, limit: int = 5000) -> list:
    ident = tuple(range(n))
    elems, frontier = {ident}, [ident]
    while frontier:
        nxt = []
        for e in frontier:
            for g in gens:
                c = compose(g, e)
                if c not in elems:
                    elems.add(c)
                    nxt.append(c)
        if len(elems) > limit:
            raise PolytopeError("relabeling group too large to enumerate")
        frontier = nxt
    return sorted(elems)


def vertex_permutation(model: Model, pi, where: dict | None = None):
    """The permutation of point indices induced by coordinate permutation pi, or None."""
    where = where or model.index_of()
    out = []
    for v in model.points:
        j = where.get(coordinate_image(pi, v))
        if j is None:
            return None
        out.append(j)
    return tuple(out)


def _int_keys(model: Model) -> list:
    """Points as integer tuples (scaled by one common denominator): fast exact hashing."""
    from math import lcm

    L = lcm(*[x.denominator for v in model.points for x in v])
    return [tuple(int(x * L) for x in v) for v in model.points]


def symmetry_group(model: Model, candidates: dict | None = None):
    """(coordinate permutations preserving the point set, PermGroup on point indices).

    The candidates generate a group of coordinate permutations; the elements mapping the point
    set onto itself form a subgroup (the set stabiliser), and their induced point permutations
    form a group (the image of a homomorphism), so no further closure is needed."""
    gens = list((candidates if candidates is not None else model.relabelings).values())
    n = len(model.coords)
    keys = _int_keys(model)
    where = {k: i for i, k in enumerate(keys)}
    coord_elems = []
    vperms = []
    for pi in closure(gens, n):
        out = []
        for k in keys:
            j = where.get(coordinate_image(pi, k))
            if j is None:
                break
            out.append(j)
        else:
            coord_elems.append(pi)
            vperms.append(tuple(out))
    group = PermGroup(len(model.points), vperms, closed=True)
    return coord_elems, group


def small_generating_set(elements: list, n: int) -> list:
    """A few elements of a permutation group whose closure is the whole group (greedy)."""
    target = set(elements)
    gens: list = []
    span = {tuple(range(n))}
    for e in sorted(elements):
        if e in span:
            continue
        gens.append(e)
        span = set(closure(gens, n, limit=len(target) + 1))
        if span == target:
            break
    return gens
