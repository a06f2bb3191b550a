"""QETLAB / Ket.jl arrays (fp, cg, fc; .npy and JSON) and the Faacets text form: exact round trips, exact
local bounds after import, and refusals that name the argument."""
from __future__ import annotations

from fractions import Fraction as Q
from itertools import product

import pytest

from exactbell import BellFunctional, Scenario, interop, local_bound
from exactbell.interop import arrays

np = pytest.importorskip("numpy")

CHSH = BellFunctional.chsh()
# I3322 in the QETLAB / Ket.jl Collins-Gisin layout (Collins-Gisin 2004, local bound 0)
I3322_CG = [[0, -1, 0, 0],
            [-2, 1, 1, 1],
            [-1, 1, 1, -1],
            [0, 1, -1, 0]]
I3322 = interop.from_array([3, 3], I3322_CG, "cg")


def _values_agree_on_local_points(F, G):
    """<F, D> = <G, D> on every deterministic local behaviour D (no-signalling equivalence on the local polytope,
    which spans the affine hull of the no-signalling set)."""
    sc = F.scenario
    strategies = list(product(*[list(product(range(o), repeat=m)) for m, o in zip(sc.inputs, sc.outputs)]))
    for s in strategies:
        D = [int(all(a[k] == s[k][x[k]] for k in range(sc.parties))) for a, x in sc.entries()]
        assert F.value(D) == G.value(D)
    return len(strategies)


def test_chsh_arrays_exact():
    assert interop.to_array(CHSH, "fc") == [[0, 0, 0], [0, 1, 1], [0, 1, -1]]
    assert interop.to_array(CHSH, "cg") == [[2, -4, 0], [-4, 4, 4], [0, 4, -4]]
    fp = interop.to_array(CHSH, "fp")
    assert fp[0][0][1][1] == -1 and fp[0][1][1][1] == 1 and fp[1][1][0][0] == 1  # V[a, b, x, y]
    for notation in ("fp", "cg", "fc"):
        G = interop.from_array([2, 2], interop.to_array(CHSH, notation), notation)
        assert local_bound(G).value == 2
        assert interop.to_array(G, notation) == interop.to_array(CHSH, notation)


def test_i3322_collins_gisin_round_trip():
    assert I3322.conventions["form"] == "collins-gisin"
    assert local_bound(I3322).value == 0
    assert interop.to_array(I3322, "cg") == I3322_CG
    # through full probabilities and back: the CG array of a functional is unique
    G = interop.from_array([3, 3], interop.to_array(I3322, "fp"), "fp")
    assert interop.to_array(G, "cg") == I3322_CG
    assert _values_agree_on_local_points(I3322, G) == 64


def test_cglmp3_and_three_party_arrays():
    from exactbell.kernel.models import cglmp

    sc = Scenario([2, 2], [3, 3])
    F = BellFunctional.from_probabilities(sc, list(cglmp(3)))
    cg = interop.to_array(F, "cg")
    assert [len(cg), len(cg[0])] == [5, 5]
    G = interop.from_array(sc, cg, "cg")
    assert local_bound(G).value == local_bound(F).value == 2
    assert _values_agree_on_local_points(F, G) == 81
    mermin = BellFunctional.from_correlators([2, 2, 2], {"A0B0C1": 1, "A0B1C0": 1, "A1B0C0": 1, "A1B1C1": -1})
    fc = interop.to_array(mermin, "fc")
    assert fc[1][1][2] == 1 and fc[2][2][2] == -1 and sum(v != 0 for a in fc for b in a for v in b) == 4
    assert local_bound(interop.from_array([2, 2, 2], fc, "fc")).value == 2
    assert interop.to_array(interop.from_array([2, 2, 2], interop.to_array(mermin, "cg"), "cg"), "fc") == fc


def test_npy_round_trip(tmp_path):
    p = tmp_path / "i3322.npy"
    interop.save_npy(I3322, p, "cg")
    arr = np.load(p)
    assert arr.dtype == np.int64 and arr.tolist() == I3322_CG
    assert interop.to_array(interop.load_npy([3, 3], p, "cg"), "cg") == I3322_CG
    half = BellFunctional.from_correlators([2, 2], {"A0B0": "1/2", "A1B1": "-1/4"})
    interop.save_npy(half, tmp_path / "half.npy", "fc")
    assert np.load(tmp_path / "half.npy").dtype == np.float64
    assert interop.to_array(interop.load_npy([2, 2], tmp_path / "half.npy", "fc"), "fc")[2][2] == Q(-1, 4)
    third = BellFunctional.from_correlators([2, 2], {"A0B0": "1/3"})
    with pytest.raises(ValueError, match=r"F: entry \[1, 1\] = 1/3 has no exact float64"):
        interop.save_npy(third, tmp_path / "third.npy", "fc")
    assert not (tmp_path / "third.npy").exists()


def test_json_round_trip(tmp_path):
    third = BellFunctional.from_correlators([2, 2], {"A0B0": "1/3", "B1": -1})
    p = tmp_path / "third.json"
    interop.save_json(third, p, "fc")
    assert '"1/3"' in p.read_text()
    assert interop.to_array(interop.load_json(p), "fc") == [[0, 0, -1], [0, Q(1, 3), 0], [0, 0, 0]]
    text = interop.to_json(I3322, "cg")
    assert interop.to_array(interop.from_json(text), "cg") == I3322_CG
    # decimal literals are read as the decimals they spell, when small
    doc = '{"format": "exactbell-bell-functional", "notation": "fc", "scenario": {"inputs": [2, 2], ' \
          '"outputs": [2, 2]}, "array": [[0, 0, 0], [0, 0.5, 1], [0, 1, -1.0]]}'
    assert interop.to_array(interop.from_json(doc), "fc")[1][1] == Q(1, 2)
    with pytest.raises(ValueError, match=r"x.json: array\[1\]\[1\]: decimal 0.7071067811865476 is not an exact"):
        interop.from_json(doc.replace("0.5", "0.7071067811865476"), "x.json")
    with pytest.raises(ValueError, match="unknown key 'extra'"):
        interop.from_json(doc[:-1] + ', "extra": 1}')


def test_non_exact_numpy_entries_are_refused_by_name():
    arr = np.array([[0, 0, 0], [0, 1, 1], [0, 1, -1]], dtype=float)
    arr[2, 1] = 0.1
    with pytest.raises(ValueError, match=r"array\[2, 1\]: float 0.1 is not exact"):
        interop.from_array([2, 2], arr, "fc")
    arr[2, 1] = np.nan
    with pytest.raises(ValueError, match=r"array\[2, 1\]: nan is not a number"):
        interop.from_array([2, 2], arr, "fc")
    with pytest.raises(ValueError, match=r"array\[0, 0\]: numpy complex128"):
        interop.from_array([2, 2], np.zeros((3, 3), dtype=complex), "fc")


def test_wrong_shapes_are_refused():
    with pytest.raises(ValueError, match=r"array: expected shape \(4, 4\), got shape \(3, 3\)"):
        interop.from_array([3, 3], np.zeros((3, 3), dtype=int), "cg")
    with pytest.raises(ValueError, match=r"array\[1\]: expected shape \(3, 3\), got length 2 where 3 is expected"):
        interop.from_array([2, 2], [[0, 0, 0], [0, 0], [0, 0, 0]], "fc")
    with pytest.raises(ValueError, match="notation: 'fc' needs binary outcomes"):
        interop.from_array(Scenario([2, 2], [3, 3]), [[0] * 3] * 3, "fc")
    with pytest.raises(ValueError, match="notation: 'xx' is not one of fp, cg, fc"):
        interop.to_array(CHSH, "xx")
    with pytest.raises(ValueError, match=r"array\[0, 0\]: too many axes"):
        interop.from_array([2, 2], [[[[0]] * 3] * 3] * 3, "fc")


def test_faacets_text():
    assert interop.to_faacets(CHSH, "correlator") == "<A1 B1> + <A1 B2> + <A2 B1> - <A2 B2>"
    text = interop.to_faacets(I3322, "collins-gisin")
    assert text.startswith("-2 P_A(1|1) - P_A(1|2) - P_B(1|1) + P_AB(11|11)")
    back = interop.from_faacets([3, 3], text)
    assert interop.to_array(back, "cg") == I3322_CG and local_bound(back).value == 0
    G = interop.from_faacets([2, 2], "1/2 P(11|11) - P(22|21) + 3 * P(12|12)")
    assert G.coefficients[0] == Q(1, 2) and G.coefficients[2 * 4 + 3] == -1 and G.coefficients[1 * 4 + 1] == 3
    assert interop.from_faacets([2, 2], interop.to_faacets(G, "probability")).coefficients == G.coefficients
    with pytest.raises(ValueError, match="has the constant 2, which Faacets cannot write"):
        interop.to_faacets(CHSH, "collins-gisin")
    with pytest.raises(ValueError, match="mixes probability with correlator"):
        interop.from_faacets([2, 2], "<A1 B1> + P(11|11)")
    with pytest.raises(ValueError, match="text: cannot read ' 3' at character 7"):
        interop.from_faacets([2, 2], "<A1 B1> 3")
    with pytest.raises(ValueError, match=r"P\(13\|11\): 2 outcomes numbered|outside the scenario"):
        interop.from_faacets([2, 2], "P(13|11)")


def test_array_shapes_and_size():
    assert arrays.shape([3, 3], "cg") == (4, 4) and arrays.size(Scenario([2, 3], [3, 2]), "fp") == 36
