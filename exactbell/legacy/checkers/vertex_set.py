"""Kinds ``vertex-set`` and ``vertex-classes`` for the signaling polytopes of Sengupta–Wooltorton.

``vertex-set`` (fixed rational parameters): which Eq. (9)/(11) points are extreme.
data:
  model        "signaling" (fidelities p,q,r,s) or "signaling-mix" (parameters p, r)
  fidelities   {"p":…, "q":…, "r":…, "s":…} or {"p":…, "r":…}: rational expressions
  labels       number of generating labels (256, or 1024 for the mixture)
  distinct     number of distinct points
  extreme      [{"label": [...], "functional": [16 integers], "margin": m, "total": t}]: the
               functional is strictly larger on this point than on every other distinct point, by
               at least m (exactly; so the point is a vertex); t = Σ_w <c, w> over all distinct
               points (redundant, so that every coefficient of c is load-bearing)
  redundant    [{"label": [...], "combination": [[label, weight], ...]}]: the point is a convex
               combination of other points (so it is not a vertex)
Every distinct point must be covered exactly once.

``vertex-classes`` (symbolic p, q, r, s): the printed representatives of Appendix A.
data:
  representatives  [{"matrix": 4×4 (Eq. (5)), "multiplicity": m, "label": [kA, kB],
                     "orbits": [[kA, kB], ...]}] (further orbits named by their least label): the matrix equals the Eq. (9) vertex of `label`;
                     `orbits` lists representatives of orbits of the output-relabeling group
                     (16 elements; it preserves S_(p,q),(r,s) for all p, q, r, s) whose union is
                     the class; m must equal the total size of those orbits.
  distinct_vertices  number of pairwise different vertices as polynomials (256 claimed)
  orbit_size         common size of the output-relabeling orbits
The classes must be disjoint and cover every label.
"""
from __future__ import annotations

from fractions import Fraction
from math import lcm

import flint

from ...kernel.poly import Poly, RationalFunction
from ...polytopes.models import coordinate_image, closure, signaling_mix, signaling_points, sw_relabelings
from ...polytopes.models import signaling as signaling_model
from . import Outcome, checker


def _label(reader, where, lab, n):
    if not isinstance(lab, list) or len(lab) != n:
        raise reader.fail(where, f"a label is a list of {n} entries")
    return tuple(lab)


def _entry_point(reader, where, e, nlab, lab_index, covered) -> int:
    """Index of the distinct point an ``extreme``/``redundant`` entry names (each at most once)."""
    if not isinstance(e, dict):
        raise reader.fail(where, "must be an object")
    lab = _label(reader, f"{where}.label", e.get("label"), nlab)
    if lab not in lab_index:
        raise reader.fail(f"{where}.label", "unknown label")
    if lab_index[lab] in covered:
        raise reader.fail(f"{where}.label", "point listed twice")
    return lab_index[lab]


@checker("vertex-set")
def decide_set(cert, reader) -> Outcome:
    model = reader.get("data.model", str)
    fid = reader.get("data.fidelities", dict)
    if model == "signaling":
        vals = [reader.value(f"data.fidelities.{k}", fid.get(k)) for k in "pqrs"]
        with reader.context("data.fidelities"):
            M = signaling_model(*vals)
        nlab = 2
    elif model == "signaling-mix":
        vals = [reader.value(f"data.fidelities.{k}", fid.get(k)) for k in "pr"]
        with reader.context("data.fidelities"):
            M = signaling_mix(*vals)
        nlab = 3
    else:
        raise reader.fail("data.model", 'must be "signaling" or "signaling-mix"')
    n_labels = sum(len(x) for x in M.labels)
    if reader.get("data.labels", int) != n_labels:
        raise reader.fail("data.labels", f"the model has {n_labels} labels")
    if reader.get("data.distinct", int) != len(M.points):
        raise reader.fail("data.distinct", f"checker finds {len(M.points)} distinct points")
    lab_index = {}
    for i, labs in enumerate(M.labels):
        for lab in labs:
            lab_index[tuple(lab)] = i
    covered = {}
    ext = reader.get("data.extreme", list)
    ncoord = len(M.coords)
    funcs = []
    for k, e in enumerate(ext):
        where = f"data.extreme[{k}]"
        i = _entry_point(reader, where, e, nlab, lab_index, covered)
        c = e.get("functional")
        if not isinstance(c, list) or len(c) != ncoord or not all(isinstance(x, int) and not isinstance(x, bool) for x in c):
            raise reader.fail(f"{where}.functional", f"must be {ncoord} integers")
        funcs.append((i, c, where, reader.rational(f"{where}.margin", e.get("margin")),
                      reader.rational(f"{where}.total", e.get("total"))))
        covered[i] = "extreme"
    if funcs:
        # all <c_k, v_j> at once, exactly, over the integers (points scaled by a common denominator)
        L = lcm(*[x.denominator for v in M.points for x in v])
        Pm = flint.fmpz_mat(len(M.points), ncoord, [int(x * L) for v in M.points for x in v])
        Cm = flint.fmpz_mat(ncoord, len(funcs), [funcs[k][1][t] for t in range(ncoord) for k in range(len(funcs))])
        V = Pm * Cm
        for k, (i, c, where, margin, total) in enumerate(funcs):
            vi = V[i, k]
            gap = min(vi - V[j, k] for j in range(len(M.points)) if j != i)
            if gap <= 0:
                j = next(j for j in range(len(M.points)) if j != i and V[j, k] >= vi)
                raise reader.fail(f"{where}.functional", f"does not separate the point from point of label {list(M.labels[j][0])}")
            if Fraction(int(gap), L) != margin:
                raise reader.fail(f"{where}.margin", f"the least gap <c, v - w> is {Fraction(int(gap), L)}")
            if Fraction(int(sum((V[j, k] for j in range(len(M.points))), flint.fmpz(0))), L) != total:
                raise reader.fail(f"{where}.total", "is not the sum of <c, w> over all distinct points")
    red = reader.get("data.redundant", list)
    for k, e in enumerate(red):
        where = f"data.redundant[{k}]"
        i = _entry_point(reader, where, e, nlab, lab_index, covered)
        comb = e.get("combination")
        if not isinstance(comb, list) or not comb:
            raise reader.fail(f"{where}.combination", "must be a non-empty list of [label, weight]")
        total = Fraction(0)
        acc = [Fraction(0)] * len(M.coords)
        for t, pair in enumerate(comb):
            if not isinstance(pair, list) or len(pair) != 2:
                raise reader.fail(f"{where}.combination[{t}]", "must be [label, weight]")
            l2 = _label(reader, f"{where}.combination[{t}]", pair[0], nlab)
            if l2 not in lab_index or lab_index[l2] == i:
                raise reader.fail(f"{where}.combination[{t}]", "must name another point")
            w = reader.rational(f"{where}.combination[{t}]", pair[1])
            if w <= 0:
                raise reader.fail(f"{where}.combination[{t}]", "weights must be positive")
            total += w
            acc = [a + w * x for a, x in zip(acc, M.points[lab_index[l2]])]
        if total != 1 or tuple(acc) != M.points[i]:
            raise reader.fail(f"{where}.combination", "is not a convex combination equal to the point")
        covered[i] = "redundant"
    if len(covered) != len(M.points):
        raise reader.fail("data", f"{len(M.points) - len(covered)} distinct points are neither shown extreme nor redundant")
    n_ext = sum(1 for v in covered.values() if v == "extreme")
    return Outcome("verified", f"{n_labels} labels -> {len(M.points)} distinct points -> {n_ext} vertices "
                   f"(each separated by an exact functional; the rest exact convex combinations)")


@checker("vertex-classes")
def decide_classes(cert, reader) -> Outcome:
    if cert.conventions.get("form") != "sw-4x4":
        raise reader.fail("conventions.form", "vertex-classes matrices are written in the sw-4x4 form")
    if cert.parameters:
        raise reader.fail("parameters", "vertex classes are identities of polynomials in p, q, r, s: no parameters")
    P = {k: Poly.var(k) for k in "pqrs"}
    pts = signaling_points(P["p"], P["q"], P["r"], P["s"])
    labels = [lab for lab, _ in pts]
    vec = {lab: tuple(Poly.lift(x) for x in v) for lab, v in pts}
    where = {}
    for lab, v in vec.items():
        where.setdefault(v, lab)
    if reader.get("data.distinct_vertices", int) != len(where):
        raise reader.fail("data.distinct_vertices", f"checker finds {len(where)} distinct vertices")
    gens = [g for name, g in sw_relabelings().items() if name.startswith("flip")]
    group = closure(gens, 16)
    orbit_of = {}
    for lab in labels:
        if lab in orbit_of:
            continue
        orb = set()
        for g in group:
            img = coordinate_image(g, vec[lab])
            if img not in where:
                raise reader.fail("data", "an output relabeling does not preserve the vertex set")
            orb.add(where[img])
        for l2 in orb:
            orbit_of[l2] = frozenset(orb)
    sizes = {len(o) for o in orbit_of.values()}
    if sizes != {reader.get("data.orbit_size", int)}:
        raise reader.fail("data.orbit_size", f"checker finds orbit sizes {sorted(sizes)}")
    reps = reader.get("data.representatives", list)
    used: set = set()
    total = 0
    for k, rep in enumerate(reps):
        w = f"data.representatives[{k}]"
        if not isinstance(rep, dict):
            raise reader.fail(w, "must be an object")
        lab = _label(reader, f"{w}.label", rep.get("label"), 2)
        if lab not in vec:
            raise reader.fail(f"{w}.label", "unknown label")
        mat = rep.get("matrix")
        if not isinstance(mat, list) or len(mat) != 4 or any(not isinstance(r, list) or len(r) != 4 for r in mat):
            raise reader.fail(f"{w}.matrix", "must be a 4x4 matrix")
        with reader.context(f"{w}.matrix"):
            flat = [RationalFunction.parse(x, list("pqrs")) for r in mat for x in r]  # Eq. (5), row by row
        if any(a != b for a, b in zip(flat, vec[lab])):
            raise reader.fail(f"{w}.matrix", f"differs from the Eq. (9) vertex of label {list(lab)}")
        orbs = rep.get("orbits")
        if not isinstance(orbs, list) or not orbs or [list(lab)] != orbs[:1]:
            raise reader.fail(f"{w}.orbits", "must start with the representative's own label")
        cls = set()
        for t, o in enumerate(orbs):
            l2 = _label(reader, f"{w}.orbits[{t}]", o, 2)
            if l2 not in orbit_of:
                raise reader.fail(f"{w}.orbits[{t}]", "unknown label")
            if t > 0 and l2 != min(orbit_of[l2]):
                raise reader.fail(f"{w}.orbits[{t}]", f"must be the least label of its orbit, {list(min(orbit_of[l2]))}")
            cls |= orbit_of[l2]
        if cls & used:
            raise reader.fail(f"{w}.orbits", "overlaps another class")
        used |= cls
        m = rep.get("multiplicity")
        if m != len(cls):
            raise reader.fail(f"{w}.multiplicity", f"the class has {len(cls)} vertices")
        total += m
    if used != set(labels):
        raise reader.fail("data.representatives", f"the classes cover {len(used)} of {len(labels)} vertices")
    n_orbits = len(set(orbit_of.values()))
    return Outcome("verified", f"{len(reps)} printed classes (multiplicities sum {total}) = unions of the "
                   f"{n_orbits} output-relabeling orbits; {len(where)} distinct vertices for generic p,q,r,s")
