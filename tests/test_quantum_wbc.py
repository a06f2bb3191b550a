"""Legacy checkers still in use for the Wooltorton–Brown–Colbeck family (grid, symbolic); the kernel
kinds sos / strategy-value are tested in test_kernel_quantum.py, entropy values (interval) in
test_kernel_interval.py."""
import copy

from exactbell.legacy.checkers import check_file

from .conftest import PROOFS, load

WBC = PROOFS / "wooltorton-brown-colbeck"
SW = PROOFS / "sengupta-wooltorton"


def cert(name, folder=WBC):
    return copy.deepcopy(load(folder / name))


def check(write_cert, c):
    return check_file(write_cert(c))


def test_grid_counts_are_checked(write_cert):
    c = cert("C004-08.grid.pi_1_4.json")
    c["data"]["counts"]["condition4"] += 1
    r = check(write_cert, c)
    assert r.verdict == "error" and "data.counts.condition4" in r.detail


def test_symbolic_sos_passes_and_detects_a_wrong_sign(write_cert):
    c = cert("C004-06.symbolic.json")
    r = check(write_cert, c)
    assert r.passed and "for all angles" in r.detail
    c["data"]["sos"][0]["P"] = c["data"]["sos"][0]["P"].replace("- s_t*B0", "+ s_t*B0")
    r = check(write_cert, c)
    assert r.verdict == "error" and "data.sos" in r.detail


def test_symbolic_normal_form():
    from exactbell.legacy.checkers.quantum_wbc_symbolic import normal_form
    from exactbell.kernel.poly import Poly

    c, s = Poly.var("c_t"), Poly.var("s_t")
    assert normal_form(s * s + c * c - 1).is_zero()
    assert normal_form(s ** 4 - (1 - c * c) ** 2).is_zero()
    assert not normal_form(s * s - c * c).is_zero()
