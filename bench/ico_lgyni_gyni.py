"""Benchmark: ICO SDPs of LGYNI (single-trigger) and GYNI (decomposition, SDP 28).

Prints SDP sizes, numeric solve time (Clarabel via cvxpy, block-reduced), exact rounding time and
exact check time of the bundled certificates; the baseline measured in the same run is the exact
LDLᵀ of the *full* (un-reduced) 64×64 slack, so the ratio shows what the label-block reduction buys.
Run: /tmp/tv/bin/python bench/ico_lgyni_gyni.py
"""
import time
from pathlib import Path

from exactbell.causal import exact as ex
from exactbell.causal import inequalities as iq
from exactbell.causal import sdp
from exactbell.kernel.check import check_file
from exactbell.kernel.linalg import psd_decide

ROOT = Path(__file__).resolve().parents[1] / "proofs" / "liu-chiribella"


def timed(fn, *a, **k):
    t = time.perf_counter()
    out = fn(*a, **k)
    return out, time.perf_counter() - t


def main():
    sc, al = iq.lgyni()
    sol, t_num = timed(sdp.solve_single_trigger, sc, al, (1, 1))
    (Z, up), t_dual = timed(sdp.exact_dual, sc, al, (1, 1), sol["W"])
    (S, lo), t_proc = timed(sdp.exact_process, sc, al, (1, 1), sol["S"])
    r, t_chk = timed(check_file, ROOT / "C001-20.json")
    full, space, _ = ex.assemble(sc, Z)
    _, t_full = timed(psd_decide, ex.dense(full, space.size))
    t_blocks = sum(timed(psd_decide, ex.dense(Z[x], 16))[1] for x in Z)
    print(f"LGYNI: {sol['blocks']} PSD blocks {sol['block_dim']}x{sol['block_dim']} (full 64x64), "
          f"{sol['equalities']} scalar equalities; numeric {t_num:.2f} s ({sol['value']:.10f}, {sol['status']})")
    print(f"  exact dual {t_dual:.2f} s, exact process {t_proc:.2f} s; bracket [{float(lo):.10f}, {float(up):.10f}]")
    print(f"  check {t_chk:.2f} s ({r.verdict}); LDL blocks {t_blocks:.3f} s vs full 64x64 {t_full:.3f} s "
          f"(ratio {t_full / t_blocks:.1f}x)")
    sc, al = iq.gyni()
    sol, t_num = timed(sdp.solve_decomposition, sc, al)
    pieces, t_ex = timed(sdp.exact_decomposition, sc, al, sol)
    r, t_chk = timed(check_file, ROOT / "C001-27.json")
    print(f"GYNI: {sol['blocks']} PSD blocks {sol['block_dim']}x{sol['block_dim']} (4 pieces x 4 blocks; full: 4 x 64x64), "
          f"{sol['scalars']} decomposition scalars, {sol['equalities']} sum equalities; numeric {t_num:.2f} s "
          f"({sol['value']:.10f}, {sol['status']})")
    print(f"  exact rounding {t_ex:.2f} s, value {float(sum(p[3] for p in pieces)):.10f}; check {t_chk:.2f} s ({r.verdict})")


if __name__ == "__main__":
    main()
