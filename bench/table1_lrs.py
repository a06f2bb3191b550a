"""Table I facet counts: the kernel's decided count (``classes`` certificates, facets = the union of
the class orbits) against independent enumerations by lrs (Debian lrslib, /usr/bin/lrs) and by
Normaliz (PyNormaliz, one thread) on the same support points, all timed in the same run.

    nice -n 5 python bench/table1_lrs.py [--pinned] [--timeout S] [--no-lrs] [ID ...]

--pinned reads the kernel's count from the pinned statement instead of re-deciding the
certificate (the big class lists take minutes). lrs gets the support points (exact rationals) as a
V-representation; its facets are the rows of its last output block (see :func:`lrs_count`).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from fractions import Fraction
from math import lcm
from pathlib import Path

from exactbell.interop import write_ext
from exactbell.kernel.check import check_file
from exactbell.kernel.envelope import load
from exactbell.kernel.models import read_points
from exactbell.kernel.params import Context
from exactbell.kernel.polytope import at
from exactbell.polytopes.cddfacets import coordinate_basis
from exactbell.polytopes.exact import PointSet

SW = Path(__file__).resolve().parents[1] / "proofs" / "sengupta-wooltorton"
IDS = ["C000-04.one-way.p=3_4", "C000-04.fixed-bit.p=2_3_r=3_4", "C000-04.two-way.p=3_4",
       "C000-04.mix.p=1_2_r=1_2", "C000-04.mix.p=2_3_r=3_5"]


def support_points(path: Path) -> list:
    """The support points in affine coordinates of their hull (as cdd gets them in polytopes/cddfacets.py), so
    lrs sees a full-dimensional polytope."""
    c = load(str(path))
    _, _, _, pts, index, _ = read_points(Context.of(c), c.data, symbolic=False)
    points = [at(pts[index[tuple(x)]], Fraction(0)) for x in c.data.list("support")]
    J = coordinate_basis(PointSet(points))
    return [[v[j] for j in J] for v in points]


def lrs_facets(points, timeout: float):
    """(number of facets, seconds) from lrs, or (None, seconds) on timeout; (None, 0.0) when lrs is not
    installed (Debian: ``apt-get install lrslib``)."""
    if shutil.which("lrs") is None:
        return None, 0.0
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "p.ext"
        write_ext(points, src)
        t = time.perf_counter()
        try:
            run = subprocess.run(["lrs", str(src)], capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, time.perf_counter() - t
        dt, out = time.perf_counter() - t, run.stdout
        if run.returncode != 0 or "end" not in out:
            return None, dt
    return lrs_count(out), dt


def lrs_count(out: str):
    """The facets in lrs output: the rows of the *last* begin … end block that are not linearities.
    lrs 7 in hybrid arithmetic restarts in 128-bit (then GMP) arithmetic when overflow is possible and
    prints the whole output again, so rows printed before a restart are not counted. The count must
    equal lrs's own "*Totals: facets=N" line, else None."""
    last = re.split(r"^begin\s*$", out, flags=re.M)[-1]
    if last is out or not re.search(r"^end\s*$", last, re.M):
        return None
    body = re.split(r"^end\s*$", last, flags=re.M)[0]
    rows = [line.split() for line in body.splitlines() if re.match(r"\s*-?\d", line)]
    lin = re.findall(r"linearity\s+(\d+)", out)
    facets = len(rows) - (int(lin[-1]) if lin else 0)
    totals = re.findall(r"\*Totals: facets=(\d+)", out)
    return facets if totals and int(totals[-1]) == facets and len(set(map(tuple, rows))) == len(rows) else None


def normaliz_facets(points):
    """(number of facets, seconds) from Normaliz on the cone over (1, v): its support hyperplanes, on
    integer generators (each row scaled by the lcm of its denominators)."""
    import PyNormaliz

    rows = []
    for v in points:
        row = [Fraction(1), *map(Fraction, v)]
        d = lcm(*(x.denominator for x in row))
        rows.append([int(x * d) for x in row])
    PyNormaliz.NmzSetNumberOfNormalizThreads(1)
    t = time.perf_counter()
    cone = PyNormaliz.Cone(cone=rows)
    cone.Compute("SupportHyperplanes")
    return len(cone.SupportHyperplanes()), time.perf_counter() - t


def kernel_facets(cid: str, pinned: bool):
    """(facets, seconds, at_least): the count in the decided statement; ``at_least`` for a class list that
    is only a lower bound ("has at least N facet classes (M facets in their orbits)")."""
    path = SW / f"{cid}.json"
    t = time.perf_counter()
    if pinned:
        pins = tomllib.loads((SW / "claims.toml").read_text())
        key = load(str(path)).id
        statement = pins[key]["statement"]
    else:
        statement = check_file(path).statement
    m = re.search(r"\((\d+) facets(?: in their orbits)?\)", statement)
    return (int(m.group(1)) if m else None), time.perf_counter() - t, "has at least" in statement


def main(argv):
    pinned = "--pinned" in argv
    timeout = float(argv[argv.index("--timeout") + 1]) if "--timeout" in argv else 1800.0
    ids = [a for a in argv if a.startswith("C000-04")] or IDS
    print(f"{'certificate':<34}{'points':>7}{'kernel facets':>14}{'kernel s':>10}{'lrs facets':>12}"
          f"{'lrs s':>9}{'Normaliz':>10}{'Nmz s':>8}  agree")
    for cid in ids:
        if not (SW / f"{cid}.json").exists():
            print(f"{cid:<34} (no certificate)")
            continue
        pts = support_points(SW / f"{cid}.json")
        kf, kt, at_least = kernel_facets(cid, pinned)
        lf, lt = (None, 0.0) if "--no-lrs" in argv else lrs_facets(pts, timeout)
        nf, nt = normaliz_facets(pts)
        lrs = ("skipped" if "--no-lrs" in argv else "absent" if shutil.which("lrs") is None
               else lf if lf is not None else "timeout")
        agree = all(c >= kf if at_least else c == kf for c in (lf, nf) if c is not None)
        print(f"{cid:<34}{len(pts):>7}{('>=' if at_least else '') + str(kf):>14}{'pin' if pinned else f'{kt:.1f}':>10}"
              f"{lrs:>12}{lt:>9.1f}{nf:>10}{nt:>8.1f}  {agree}",
              flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
