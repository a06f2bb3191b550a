"""``exactbell polytope MODEL``: vertices, exact facets and symmetry classes of a polytope.

MODEL is ``signaling`` (``--fidelities p,q,r,s`` or ``--named one-way-symmetric --param p=3/4``),
``signaling-mix`` (``--param p=1/2 --param r=1/2``), ``local`` (``--scenario 2,2:2,2`` = inputs per
party : outputs per party) or ``causal`` (when :mod:`exactbell.causal.polytope` exists).
"""
from __future__ import annotations

import json
import sys
from fractions import Fraction


def _model(args):
    from ...kernel.numbers import to_rational
    from ...kernel.scenario import Scenario
    from ...polytopes import models as pm

    params = {}
    for kv in args.param or []:
        if "=" not in kv:
            raise ValueError(f"--param needs name=value, got {kv!r}")
        k, v = kv.split("=", 1)
        params[k.strip()] = to_rational(v.strip())
    if args.model == "signaling":
        if args.named:
            return pm.named_signaling(args.named, **params)
        if not args.fidelities:
            raise ValueError("signaling needs --fidelities p,q,r,s or --named MODEL")
        f = args.fidelities.split(",")
        if len(f) != 4:
            raise ValueError("--fidelities needs four values p,q,r,s")
        return pm.signaling(*(to_rational(x.strip()) for x in f))
    if args.model == "signaling-mix":
        return pm.signaling_mix(params.get("p", Fraction(1, 2)), params.get("r", params.get("p", Fraction(1, 2))))
    if args.model == "causal" and not args.scenario:
        return pm.causal()
    if args.model in ("local", "causal"):
        if not args.scenario or ":" not in args.scenario:
            raise ValueError("local needs --scenario INPUTS:OUTPUTS, e.g. 2,2:2,2")
        ins, outs = args.scenario.split(":")
        ins = [int(x) for x in ins.split(",")]
        outs = [int(x) for x in outs.split(",")]
        if any(o < 1 for o in outs) or any(i < 1 for i in ins):
            raise ValueError("every party needs at least one input and one output")
        sc = Scenario(tuple(ins), tuple(outs))
        return pm.local(sc) if args.model == "local" else pm.causal(sc)
    raise ValueError(f"unknown model {args.model!r}")


def _classes(args, ps, group, progress) -> list:
    """Canonical tight sets of the facet classes, by the chosen engine."""
    from ...polytopes.adjacency import classes_adm, classes_cdd

    if args.method == "fast":
        from ...polytopes.fastsym import classify

        res = classify(ps, group, workers=args.workers, certificate=False, heavy=args.heavy,
                       lightest_first=args.heavy is not None, progress=progress, scheduler=args.scheduler,
                       checkpoint=args.checkpoint, resume=args.resume)
        return list(res["classes"])
    if not hasattr(group, "elements"):
        raise ValueError(f"the relabeling group (order {group.order}) is too large to list: use --method fast")
    if args.method == "adm":
        return list(classes_adm(ps, group, workers=args.workers, scheduler=args.scheduler, checkpoint=args.checkpoint,
                                resume=args.resume, progress=progress))
    return list(classes_cdd(ps, group))


def run(args) -> int:
    from ...kernel.numbers import format_rational
    from ...polytopes.cddfacets import extreme_points, inequality_of
    from ...polytopes.exact import PointSet, PolytopeError
    from ...polytopes.models import symmetry_group

    if args.workers < 1:
        print("exactbell polytope: --workers must be at least 1", file=sys.stderr)
        return 2
    if (args.scheduler or args.checkpoint or args.resume) and args.method == "cdd":
        print("exactbell polytope: --scheduler, --checkpoint and --resume need --method fast or adm", file=sys.stderr)
        return 2
    try:
        M = _model(args)
    except (ValueError, PolytopeError) as e:
        print(f"exactbell polytope: {e}", file=sys.stderr)
        return 2
    report = {"model": M.name, "parameters": {k: format_rational(v) for k, v in M.parameters.items()},
              "labels": sum(len(x) for x in M.labels), "distinct_points": len(M.points)}
    ext = extreme_points(M.pointset)
    ps = PointSet([M.points[i] for i in ext])
    report["vertices"] = len(ext)
    report["dimension"] = ps.affine_dim()
    group = None
    if args.classes or args.facets or args.export:
        from rich.progress import Progress

        from ...distributed import sigterm_as_interrupt
        from ...polytopes.classcert import support_and_any_group
        from ...polytopes.orbits import facet_orbits

        try:
            # a small generating set of the relabeling group, as permutations of the vertices (a
            # local model's group too large to list: canonical forms by sorting, polytopes/wreath.py)
            _, _, cgens, group = support_and_any_group(M)
        except PolytopeError as e:
            print(f"exactbell polytope: {M.name}: symmetry group: {e}", file=sys.stderr)
            return 2
        report["group_order"] = group.order
        with Progress(transient=True, disable=args.json or not sys.stderr.isatty()) as progress:
            task = progress.add_task("facet classes", total=None)
            try:
                with sigterm_as_interrupt():
                    reps = _classes(args, ps, group, lambda done, seen: progress.update(task, completed=done,
                                                                                         total=seen))
            except (ValueError, RuntimeError, KeyboardInterrupt) as e:
                stopped = isinstance(e, KeyboardInterrupt)
                where = (stopped or "on the cluster" in str(e)) and (args.checkpoint or args.resume)
                hint = f"; continue with --resume {where}" if where else ""
                print(f"exactbell polytope: {'interrupted' if stopped else e}{hint}", file=sys.stderr)
                return 130 if stopped else 2
        # every facet: the union of the class orbits, expanded from the class list (not recomputed)
        classes = [(T, *inequality_of(ps, T)) for T in reps]
        if args.facets or args.export or not hasattr(group, "orbit_size"):
            orbits = facet_orbits(classes, group.generators, cgens)
            sizes = [len(o) for o in orbits]
        else:  # a group too large to list: orbit sizes from the stabilisers, no expansion
            from ...polytopes.fastsym import SlackPolytope

            sp = SlackPolytope(ps)
            sizes = [group.orbit_size(T, sp.slack(T)) for T, _, _ in classes]
        order = sorted(range(len(classes)), key=lambda k: (sizes[k], len(classes[k][0]), sorted(classes[k][0])))
        facets = [f for k in order for f in orbits[k]] if args.facets or args.export else None
        report["method"] = args.method
        report["facet_count"] = sum(sizes)
        report["class_count"] = len(classes)
        report["classes"] = [{"size": sizes[k], "bound": format_rational(classes[k][2]),
                              "coefficients": [format_rational(x) for x in classes[k][1]],
                              "saturation": len(classes[k][0])} for k in order]
        if args.facets:
            report["facets"] = [{"coefficients": [str(x) for x in a], "bound": str(b)}  # integers
                                for _, a, b in facets]
        if args.export:
            from ... import interop
            from ...certificates.format import write_atomic

            rows = [(a, b, "<=") for _, a, b in facets]
            text = interop.write_ieq(rows, len(M.coords)) if args.export.endswith(".ieq") else \
                interop.write_ine(rows, len(M.coords))
            write_atomic(args.export, text)
    if args.vertices_out:
        from ... import interop

        pts = [M.points[i] for i in ext]
        out = args.vertices_out
        text = interop.write_poi(pts) if out.endswith(".poi") else interop.write_ext(pts) if out.endswith(".ext") \
            else interop.write_panda(pts, maps=list(symmetry_group(M)[0]) if group else None)
        from ...certificates.format import write_atomic

        write_atomic(out, text)
    if args.verify:
        from ... import interop
        from ...polytopes.exact import facet_test

        text = open(args.verify, encoding="utf-8").read()
        if args.verify.endswith(".ine"):
            dim, ineqs = interop.read_ine(text)
        else:
            dim, ineqs = interop.read_ieq(text)
        if dim != len(M.coords):
            print(f"exactbell polytope: {args.verify}: dimension {dim} does not match the model ({len(M.coords)})",
                  file=sys.stderr)
            return 2
        res = []
        for k, (a, b, rel) in enumerate(ineqs, 1):
            if rel == "==":
                continue
            t = facet_test(ps, a, b, rel)
            res.append({"row": k, "valid": t["valid"], "facet": t["facet"], "saturation": t["tight_count"],
                        "rank": t["rank"]})
        report["verified"] = {"rows": len(res), "facets": sum(r["facet"] for r in res),
                              "invalid": [r["row"] for r in res if not r["valid"]],
                              "not_facet": [r["row"] for r in res if r["valid"] and not r["facet"]]}
    if args.json:
        print(json.dumps(report, indent=None if "facets" in report else 1))  # the facet list: one line
    else:
        for k, v in report.items():
            if k not in ("classes", "facets"):
                print(f"{k:>16}: {v}")
        for i, c in enumerate(report.get("classes", []), 1):
            print(f"  class {i:>3}: size {c['size']:>4}, saturation {c['saturation']:>4}, bound {c['bound']}")
        for i, f in enumerate(report.get("facets", []), 1):
            print(f"  facet {i:>6}: {' '.join(f['coefficients'])} <= {f['bound']}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("polytope", help="vertices, exact facets and symmetry classes of a polytope")
    p.add_argument("model", choices=["signaling", "signaling-mix", "local", "causal"])
    p.add_argument("--fidelities", help="p,q,r,s for the signaling model (rationals)")
    p.add_argument("--named", help="a named signaling model (one-way-symmetric, two-way-symmetric, fixed-bit)")
    p.add_argument("--param", action="append", help="model parameter name=value (repeatable)")
    p.add_argument("--scenario", help="local scenario INPUTS:OUTPUTS per party, e.g. 2,2,2:2,2,2")
    p.add_argument("--facets", action="store_true",
                   help="list every exact facet (expanded from the facet classes as the union of their orbits)")
    p.add_argument("--classes", action="store_true", help="facet classes up to the computed relabeling group")
    p.add_argument("--method", choices=["fast", "adm", "cdd"], default="fast",
                   help="the fast symmetric adjacency decomposition (polytopes/fastsym.py, default), the older "
                        "adjacency decomposition, or plain cdd.gmp of the whole polytope (the baseline); all facets "
                        "are then the union of the class orbits")
    p.add_argument("--workers", type=int, default=2,
                   help="processes for the adjacency decomposition (1: in this process; more: a local Dask cluster)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="with --method fast or adm: classify on this Dask cluster")
    p.add_argument("--checkpoint", metavar="FILE.json",
                   help="with --method fast or adm: keep the known classes in FILE (rewritten atomically)")
    p.add_argument("--resume", metavar="FILE.json",
                   help="with --method fast or adm: continue from a checkpoint written by the same method")
    p.add_argument("--heavy", type=int, metavar="N",
                   help="with --method fast: classes with more than N points last, their ridges read off the known "
                        "facets and proved complete (e.g. 64 for two-way-symmetric, 100 for signaling-mix)")
    p.add_argument("--export", metavar="FILE.ieq|FILE.ine", help="write all facets (PORTA or cdd format)")
    p.add_argument("--vertices-out", metavar="FILE.poi|.ext|.panda", help="write the vertices")
    p.add_argument("--verify", metavar="FILE.ieq|FILE.ine", help="check every inequality of a file exactly")
    p.add_argument("--json", action="store_true", help="print a JSON report")
    p.set_defaults(run=run)
