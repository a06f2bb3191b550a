"""exactbell's default polytope engine against the anchors, in the same run.

    python bench/polytopes_anchor.py [--timeout SECONDS] [--skip-4422] [--budget SECONDS]

(from a worktree: PYTHONPATH=. so that its exactbell is measured, not the installed one)

Polytopes: 3,3:2,2 (684 facets in 3 classes; Collins & Gisin 2004), the three-party two-input two-output local polytope (64 vertices, dimension 26, group
of order 3072; 46 classes, 53,856 facets: Sliwa, Phys. Lett. A 317, 165 (2003)) and the bipartite
4,4:2,2 local polytope (256 vertices, dimension 24, group of order 294,912; 175 classes in the
literature). Per polytope it times

* exactbell: the facet classes (fast adjacency decomposition, 1 worker, the CLI default; faces'
  facets by Normaliz, 1 thread, the heaviest classes' derived from their processed neighbours) and all
  facets (the classes plus the orbit expansion of polytopes/orbits.py), wall and CPU seconds; and,
  as a same-run baseline, the classes with Normaliz on every class's facet;
* lrs (Debian's lrslib, /usr/bin/lrs) on the same vertices in affine coordinates, when installed,
  with a time limit (a run past it is reported as such, not as a figure);
* PANDA is not run (not installable here): its figures measured on this machine (issue 15) are
  printed, labelled "stored reference".

Ratios are exactbell / anchor in CPU seconds (below 1 means exactbell is faster): the machine is
shared, so wall seconds (printed too) can be inflated by other processes.
"""
from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from exactbell.kernel.scenario import Scenario
from exactbell.polytopes import models as pm
from exactbell.polytopes.cddfacets import coordinate_basis, inequality_of
from exactbell.polytopes.fastsym import classify
from exactbell.polytopes.orbits import facet_orbits

# PANDA on this machine (issue 15), 1 thread: adjacency decomposition, double description
PANDA_STORED = {"3-party": {"classes": 2.0, "facets": 4.3}}


def timed(fn):
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w, time.process_time() - c


def exactbell_run(M):
    from exactbell.polytopes.classcert import support_and_any_group

    _, ps, cgens, group = support_and_any_group(M)
    res, w1, c1 = timed(lambda: classify(ps, group, workers=1, certificate=False))
    reps = res["classes"]

    def expand():
        return facet_orbits([(T, *inequality_of(ps, T)) for T in reps], group.generators, cgens)

    orbits, w2, c2 = timed(expand)
    return ps, len(reps), sum(len(o) for o in orbits), (w1, c1), (w1 + w2, c1 + c2)


def same_run_baseline(M):
    """(wall, CPU) seconds of the classification with every class's ridges from Normaliz (no class
    waits to derive its ridges from processed neighbours: fastsym.HEAVY_EXCESS out of reach)."""
    from exactbell.polytopes import fastsym
    from exactbell.polytopes.classcert import support_and_any_group

    _, ps, _, group = support_and_any_group(M)
    old, fastsym.HEAVY_EXCESS = fastsym.HEAVY_EXCESS, 1 << 30
    try:
        _, w, c = timed(lambda: classify(ps, group, workers=1, certificate=False))
    finally:
        fastsym.HEAVY_EXCESS = old
    return w, c


def partial_4422(M, budget: float):
    """Classify 4,4:2,2 (group never listed: polytopes/wreath.py) for at most ``budget`` CPU seconds
    (a CPU-time timer interrupts it, even inside a class); print the classes known and processed.
    Returns the PointSet."""
    import json

    from exactbell.polytopes.classcert import support_and_any_group

    _, ps, _, group = support_and_any_group(M)
    c0 = time.process_time()

    def stop(*_):
        raise KeyboardInterrupt

    # the budget is CPU time of this process, also inside one class (its first one may take longer)
    old = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, budget)

    with tempfile.TemporaryDirectory() as d:
        ck = Path(d) / "c.json"
        try:
            res = classify(ps, group, workers=1, certificate=False, lightest_first=True, checkpoint=ck)
            print(f"# 4,4:2,2: exactbell {len(res['classes'])} classes (complete), "
                  f"{time.process_time() - c0:.1f} s CPU")
        except KeyboardInterrupt:
            obj = json.loads(ck.read_text())
            print(f"# 4,4:2,2: exactbell stopped after {time.process_time() - c0:.1f} s CPU (budget {budget:.0f} s): "
                  f"{len(obj['classes'])} classes known (literature: 175), {len(obj['processed'])} processed; "
                  f"unprocessed classes' point counts {sorted(len(c) for k, c in enumerate(obj['classes']) if k not in {r[0] for r in obj['processed']})}")
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, old)
    return ps


def lrs_run(ps, timeout: float):
    """(facet count, wall seconds, CPU seconds) of lrs on the points in affine coordinates, or
    (None, reason, None)."""
    import resource

    lrs = shutil.which("lrs")
    if not lrs:
        return None, "lrs not installed", None
    J = coordinate_basis(ps)
    lines = [" ".join(["1"] + [str(ps.points[i][j]) for j in J]) for i in range(ps.size)]
    text = f"V-representation\nbegin\n{ps.size} {len(J) + 1} rational\n" + "\n".join(lines) + "\nend\n"
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "p.ext"
        src.write_text(text)
        t, c = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        try:
            out = subprocess.run([lrs, str(src)], capture_output=True, text=True, timeout=timeout,
                                 check=False).stdout
        except subprocess.TimeoutExpired:
            return None, f"not finished in {timeout:.0f} s", None
        dt, dc = time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - c
    m = re.search(r"facets=(\d+)", out)
    return (int(m.group(1)) if m else None), dt, dc


def row(name, what, ours, anchor_name, anchor):
    """ours/anchor: (wall, CPU) seconds or a reason; the ratio is of CPU seconds (both tools run one
    thread; the stored PANDA figures were measured on an idle machine, wall = CPU)."""
    ok = not isinstance(anchor[0], str)
    r = f"{ours[1] / anchor[1]:.2f}" if ok else "-"
    a = f"{anchor[0]:.2f} / {anchor[1]:.2f}" if ok else anchor[0]
    print(f"{name:<10}{what:<9}{ours[0]:>9.2f} /{ours[1]:>7.2f} {anchor_name:<28}{a:>22}{r:>10}")


def main():
    timeout = float(sys.argv[sys.argv.index("--timeout") + 1]) if "--timeout" in sys.argv else 600.0
    print(f"{'polytope':<10}{'task':<9}{'exactbell wall / CPU s':>18} {'anchor':<28}{'wall / CPU s':>22}"
          f"{'CPU ratio':>10}")
    M = pm.local(Scenario((3, 3), (2, 2)))  # 684 facets in 3 classes (Collins-Gisin 2004)
    ps, ncls, nfac, (w1, c1), (w2, c2) = exactbell_run(M)
    print(f"# 3,3:2,2: exactbell {ncls} classes, {nfac} facets")
    count, t, c = lrs_run(ps, timeout)
    row("3,3:2,2", "facets", (w2, c2), f"lrs ({count} facets)" if count else "lrs", (t, c))
    M = pm.local(Scenario((2, 2, 2), (2, 2, 2)))
    ps, ncls, nfac, (w1, c1), (w2, c2) = exactbell_run(M)
    print(f"# 3-party: exactbell {ncls} classes, {nfac} facets; classes {w1:.2f} s wall / {c1:.2f} s CPU, "
          f"all facets {w2:.2f} s wall / {c2:.2f} s CPU")
    panda = PANDA_STORED["3-party"]
    row("3-party", "classes", (w1, c1), "PANDA ADM (stored reference)", (panda["classes"], panda["classes"]))
    row("3-party", "classes", (w1, c1), "exactbell, Normaliz per class", same_run_baseline(M))
    row("3-party", "facets", (w2, c2), "PANDA DD (stored reference)", (panda["facets"], panda["facets"]))
    count, t, c = lrs_run(ps, timeout)
    row("3-party", "facets", (w2, c2), f"lrs ({count} facets)" if count else "lrs", (t, c))
    if "--skip-4422" in sys.argv:
        return
    M = pm.local(Scenario((4, 4), (2, 2)))
    budget = float(sys.argv[sys.argv.index("--budget") + 1]) if "--budget" in sys.argv else 300.0
    ps = partial_4422(M, budget)
    count, t, c = lrs_run(ps, timeout)
    print(f"# 4,4:2,2: lrs {count} facets, {t if isinstance(t, str) else f'{t:.2f} s wall, {c:.2f} s CPU'}")


if __name__ == "__main__":
    main()
