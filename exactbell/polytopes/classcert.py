"""Class lists with scalable completeness data (producer side): the ``classes`` (kernel kind)
certificate body with per-class ridge neighbours, from :func:`fastsym.classify`, or the first classes
found as a lower bound."""
from __future__ import annotations

from .cddfacets import extreme_points, inequality_of
from .exact import PermGroup, PointSet, PolytopeError
from .fastsym import classify
from .models import small_generating_set, symmetry_group, vertex_permutation


def support_and_group(M):
    """(support point indices, PointSet of them, coordinate generators, PermGroup on positions) —
    the support as the kernel kind ``classes`` reads it (the kernel computes the group itself)."""
    ext = extreme_points(M.pointset)
    ps = PointSet([M.points[i] for i in ext])
    coord_elems, _ = symmetry_group(M)
    gens = small_generating_set(coord_elems, len(M.coords))
    where = M.index_of()
    pos = {g: k for k, g in enumerate(ext)}
    sgens = []
    for g in gens:
        vp = vertex_permutation(M, g, where)
        sgens.append(tuple(pos[vp[i]] for i in ext))
    return ext, ps, gens, PermGroup(len(ext), sgens)


def support_and_local_group(M):
    """As :func:`support_and_group` for a ``local`` model whose relabeling group is too large to
    list: the group is a :class:`~exactbell.polytopes.wreath.LocalGroup` (never listed), and the
    coordinate generators are the model's relabelings, each checked to map the points onto
    themselves (so the group they generate does)."""
    from ..kernel.scenario import Scenario
    from .wreath import LocalGroup

    if M.name != "local":
        raise PolytopeError(f"{M.name}: relabeling group too large to enumerate")
    ext = extreme_points(M.pointset)
    ps = PointSet([M.points[i] for i in ext])
    where = M.index_of()
    pos = {g: k for k, g in enumerate(ext)}
    gens, sgens = list(M.relabelings.values()), []
    for name, g in M.relabelings.items():
        vp = vertex_permutation(M, g, where)
        if vp is None or any(vp[i] not in pos for i in ext):
            raise PolytopeError(f"relabeling {name} does not map the vertices onto themselves")
        sgens.append(tuple(pos[vp[i]] for i in ext))
    labels = [M.labels[i][0] for i in ext]
    k = len(labels[0])
    inputs = tuple(len(labels[0][p]) for p in range(k))
    outputs = tuple(max(lab[p][x] for lab in labels for x in range(inputs[p])) + 1 for p in range(k))
    Scenario(inputs, outputs)  # a well-formed scenario
    return ext, ps, gens, LocalGroup(inputs, outputs, labels, sgens)


def support_and_any_group(M):
    """:func:`support_and_group`, or :func:`support_and_local_group` when the group is too large
    to list (local models)."""
    try:
        return support_and_group(M)
    except PolytopeError as e:
        if "too large" not in str(e) or M.name != "local":
            raise
        return support_and_local_group(M)


def ridge_classes_data(M, workers: int = 1, log=None, heavy: int | None = None, progress=None) -> dict:
    """data fields (support, generators, group_order, dim, classes with ridges, facets). With
    ``heavy``, lighter classes go first and the ridges of classes with more points are read off the
    known facets (fastsym.classify)."""
    ext, ps, gens, group = support_and_group(M)
    res = classify(ps, group, workers=workers, log=log, lightest_first=heavy is not None, heavy=heavy,
                   progress=progress)
    if not res["complete"]:
        raise RuntimeError("classification did not complete")
    fg = res["fast"]
    classes = []
    for k, T in enumerate(res["classes"]):
        a, b = inequality_of(ps, T)
        classes.append({"tight": list(T), "coefficients": list(a), "bound": b, "orbit": fg.orbit_size(T),
                        "tight_count": len(T), "ridges": [list(x) for x in res["ridges"][k]]})
    return {"support": [list(M.labels[i][0]) for i in ext], "generators": [list(g) for g in gens],
            "group_order": group.order, "dim": ps.affine_dim(), "classes": classes,
            "facets": sum(c["orbit"] for c in classes), "complete": True}


def first_classes_data(M, count: int, log=None) -> dict:
    """data fields (support, generators, group_order, dim, classes without ridges, facets) for the
    first ``count`` facet classes the adjacency decomposition finds (:func:`fastsym.classify` in
    this process, the class with the fewest points processed first, cut once ``count`` are known):
    pairwise inequivalent facet classes, so a lower bound on the class count; reproducible (the
    same seeded start and order on every run)."""
    if count < 1:
        raise ValueError(f"count: {count} is not a positive number of classes")
    ext, ps, gens, group = support_and_group(M)
    res = classify(ps, group, log=log, max_classes=count, certificate=False, lightest_first=True)
    if len(res["classes"]) < count:
        raise RuntimeError(f"the polytope has only {len(res['classes'])} facet classes, fewer than {count}")
    fg = res["fast"]
    classes = []
    for T in res["classes"][:count]:
        a, b = inequality_of(ps, T)
        classes.append({"tight": list(T), "coefficients": list(a), "bound": b, "orbit": fg.orbit_size(T),
                        "tight_count": len(T)})
    return {"support": [list(M.labels[i][0]) for i in ext], "generators": [list(g) for g in gens],
            "group_order": group.order, "dim": ps.affine_dim(), "classes": classes,
            "facets": sum(c["orbit"] for c in classes), "complete": False}
