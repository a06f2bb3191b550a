"""Liu–Chiribella C001-32 (App. D, Eqs. (72)–(78), identity mode bistochastic-supermap) and C001-38 (App. G,
Eq. (98), identity mode pinching): the bundled files pass with their pins and regenerate byte-identically; the
kernel's sector ranks and affine dimensions agree with an independent brute force over the matrix units (flint
ranks of the superoperators built with process.depolarize); mutated dimensions, sign vectors and projectors
are rejected or change the statement."""
from fractions import Fraction
from itertools import product

import flint
import pytest

from exactbell.certificates.format import dump_certificate
from exactbell.generators import discover, file_name
from exactbell.kernel.check import check_file
from exactbell.kernel.process import CONDITIONS, Space, depolarize

from .conftest import PROOFS, check_mutated

LC = PROOFS / "liu-chiribella"
C32 = ["C001-32.qubits", "C001-32.qutrits", "C001-32.methods-qubits", "C001-32.methods-qutrits", "C001-32.unequal"]
C38 = ["C001-38.n=1", "C001-38.n=2", "C001-38.n=2.y-basis", "C001-38.n=2.rank-2", "C001-38.n=3",
       "C001-38.n=3.rotated"]
SYSTEMS = ("A_I", "A_O", "B_I", "B_O", "C_I", "C_O")


def _path(cid):
    return LC / file_name(cid)


def _mutant(tmp_path, cid, mutate):
    return check_mutated(tmp_path, _path(cid), mutate)


@pytest.mark.parametrize("cid", C32 + C38)
def test_bundled_passes_with_pin(cid):
    res = check_file(_path(cid))
    assert res.passed, res.detail
    assert res.verdict == "verified"


@pytest.mark.parametrize("cid", C32 + C38)
def test_regeneration_is_byte_identical(cid):
    assert dump_certificate(discover()[cid].make()) == _path(cid).read_text()


# -- C001-32: exact values, and the same values by brute force ---------------------------------
@pytest.mark.parametrize("cid,ranks,trace,affine,methods", [
    ("C001-32.qubits", (10, 10), 8, 3696, False),
    ("C001-32.qutrits", (65, 65), 27, 493416, False),
    ("C001-32.methods-qubits", (10, 10), 4, 156, True),
    ("C001-32.methods-qutrits", (65, 65), 9, 2336, True),
    ("C001-32.unequal", (10, 65), 12, 44056, False),
])
def test_bistochastic_statement_values(cid, ranks, trace, affine, methods):
    st = check_file(_path(cid)).statement
    assert f"(73) is an orthogonal projection of rank {ranks[0]} on L(A_I A_O)" in st
    assert f"Pi_B (74): rank {ranks[1]} of" in st
    assert f"(76) Tr S = d_A d_B d_C_I = {trace} and (77) <=> (76) and (78)" in st
    assert f"one affine set of dimension {affine} in L(C^" in st
    assert ("it is also the set of Methods Eq. (12)" in st) is methods
    assert "(72), the span of the Choi operators of bistochastic channels" in st
    assert "so (71), for all rho, M, N, is (75) by linearity (stated, not decided)" in st


def _q(rows):
    return flint.fmpq_mat([[flint.fmpq(x.numerator, x.denominator) for x in r] for r in rows])


def _depolarizers(dims):
    """The matrices of _k (k = 0, 1, ...) on the matrix units of L(C^D) (columns), built with process.depolarize."""
    sp = Space(dims)
    D = sp.size
    units = [[[Fraction(int((i, j) == (r, c))) for j in range(D)] for i in range(D)]
             for r, c in product(range(D), repeat=2)]
    return [_q([list(x) for x in zip(*([x for row in depolarize(E, sp, [k]) for x in row] for E in units))])
            for k in range(len(dims))]


def _map(terms, deps):
    """Σ c · Π_k (_k, 1 − _k or 1 for X, -, .) over (c, pattern) pairs."""
    one = flint.fmpq_mat(deps[0].nrows(), deps[0].ncols(), [0] * deps[0].nrows() ** 2)
    for i in range(one.nrows()):
        one[i, i] = 1
    out = one * 0
    for c, pat in terms:
        X = one
        for k, f in enumerate(pat):
            X = X * (deps[k] if f == "X" else one - deps[k] if f == "-" else one)
        out += X * c
    return out


PI = [(1, ".."), (-1, "X."), (-1, ".X"), (2, "XX")]  # Eq. (73)


@pytest.mark.parametrize("d,rank", [(2, 10), (3, 65)])
def test_projector_73_by_brute_force(d, rank):
    deps = _depolarizers([d, d])
    P = _map(PI, deps)
    assert P * P == P and P.transpose() == P and P.rank() == rank
    # its range is the solution set of (72): _A_I (M - _[A_I A_O] M) = _A_O (M - _[A_I A_O] M) = 0
    C = [_map([(1, "X."), (-1, "XX")], deps), _map([(1, ".X"), (-1, "XX")], deps)]
    assert d ** 4 - _stack(C).rank() == rank and all((c * P).rank() == 0 for c in C)


def _stack(mats):
    rows = [[m[i, j] for j in range(m.ncols())] for m in mats for i in range(m.nrows())]
    return flint.fmpq_mat(rows)


def _pad(terms, n):
    return [(c, p + "." * (n - len(p))) for c, p in terms]


def _product(a, b):
    """Terms of the composition of two maps given as (c, pattern) lists on disjoint subsystems."""
    return [(c * e, "".join(x if x != "." else y for x, y in zip(p, q))) for (c, p), (e, q) in product(a, b)]


@pytest.mark.parametrize("dims,affine", [((2, 2, 2, 2, 1, 1), 156), ((2, 2, 1, 1, 2, 2), None)])
def test_equivalences_by_brute_force(tmp_path, dims, affine):
    """(75), (76)+(77), (76)+(78): the same affine set, of the dimension the kernel states."""
    D = dims[0] * dims[2] * dims[3] * dims[1] * dims[4] * dims[5]
    deps = _depolarizers(dims)
    pab = _product(_pad(PI, 6), [(c, ".." + p) for c, p in _pad(PI, 4)])
    m75 = _map(_product(pab, [(1, ".....X")]), deps)
    m77 = _map(_product(pab, [(1, ".....X")]) + [(-1, "XXXXXX")], deps)
    m78 = [_map([(1, p)], deps) for p in ["XXXX-X"] + [c + ".X" for c in CONDITIONS]]
    tr = flint.fmpq_mat(1, D * D, [int(i % (D + 1) == 0) for i in range(D * D)])
    ranks = [m75.rank(), _stack([m77, tr]).rank(), _stack(m78 + [tr]).rank(), _stack([m75, m77, tr] + m78).rank()]
    assert len(set(ranks)) == 1  # one homogeneous part
    S0 = flint.fmpq_mat(D * D, 1, [flint.fmpq(int(i % (D + 1) == 0), dims[0] * dims[2] * dims[5])
                                   for i in range(D * D)])  # 1/(d_A d_B d_C_O)
    assert all((m * S0).rank() == 0 for m in [m77] + m78) and m75 * S0 == S0  # S0 solves all three systems
    assert (tr * S0)[0, 0] == dims[0] * dims[2] * dims[4]  # Tr S0 = d_A d_B d_C_I
    res = _mutant(tmp_path, "C001-32.qubits", lambda c: c["data"].update(dims=dict(zip(SYSTEMS, dims))))
    assert res.verdict == "verified"
    assert f"one affine set of dimension {D * D - ranks[0]} in L(C^{D})" in res.statement
    assert affine is None or D * D - ranks[0] == affine


# -- C001-32: mutations -----------------------------------------------------------------------
def test_other_dimensions_change_the_statement(tmp_path):
    res = _mutant(tmp_path, "C001-32.qubits", lambda c: c["data"]["dims"].update(B_I=3, B_O=3))
    assert res.verdict == "verified" and res.statement != check_file(_path("C001-32.qubits")).statement
    assert "d_B = 3 (B_I, B_O)" in res.statement and "Pi_B (74): rank 65 of 81" in res.statement


@pytest.mark.parametrize("change,problem", [
    ({"A_O": 3}, "A_I = A_O and B_I = B_O"), ({"B_I": 3}, "A_I = A_O and B_I = B_O"),
    ({"C_I": 0}, "data.dims.C_I: 0 is not an integer in [1, 8]"), ({"C_O": 9}, "9 is not an integer in [1, 8]"),
    ({"C_O": True}, "data.dims.C_O: expected int"), ({"D": 2}, "data.dims.D: unknown key"),
])
def test_bad_dimensions_are_rejected(tmp_path, change, problem):
    res = _mutant(tmp_path, "C001-32.qubits", lambda c: c["data"]["dims"].update(change))
    assert res.verdict == "error" and problem in res.detail


def test_missing_dimension_is_rejected(tmp_path):
    res = _mutant(tmp_path, "C001-32.qubits", lambda c: c["data"]["dims"].pop("C_O"))
    assert res.verdict == "error" and "data.dims.C_O: required field is missing" in res.detail


# -- C001-38: exact values and mutations ------------------------------------------------------
def test_pinching_statement_values():
    st = check_file(_path("C001-38.n=3.rotated")).statement
    assert "P_k (k = 1..3) = [1/9, 2/9, 2/9; 2/9, 4/9, 4/9; 2/9, 4/9, 4/9];" in st
    assert "ranks 1, 1, 1); with the 8 sign vectors s = every s in {+1, -1}^3, U_s = sum_k s_k P_k is unitary" in st
    assert "sum_k P_k rho P_k = 2^-3 sum_s U_s rho U_s^dagger for every rho (on the matrix units)" in st
    assert "ranks 2, 1)" in check_file(_path("C001-38.n=2.rank-2")).statement
    assert "[1/2, (-1/2)*i; (1/2)*i, 1/2]" in check_file(_path("C001-38.n=2.y-basis")).statement


def test_wrong_sign_vector_refutes(tmp_path):
    # (-1, 1) replaced by (1, 1): weights 3/4 on the identity channel, 1/4 on Z . Z: not the pinching
    res = _mutant(tmp_path, "C001-38.n=2", lambda c: c["data"]["signs"].__setitem__(2, [1, 1]))
    assert res.verdict == "refuted"
    assert "s = [[1, 1], [1, -1], [1, 1], [-1, -1]]" in res.statement
    assert "sum_k P_k rho P_k != 2^-2 sum_s U_s rho U_s^dagger at rho = E_01" in res.statement


def test_signs_up_to_a_global_sign_still_hold(tmp_path):
    # U_(-s) = -U_s gives the same channel: (1, 1), (1, -1) twice is a mixture of the same four channels
    res = _mutant(tmp_path, "C001-38.n=2", lambda c: c["data"].update(signs=[[1, 1], [1, -1], [1, 1], [1, -1]]))
    assert res.verdict == "verified" and res.statement != check_file(_path("C001-38.n=2")).statement
    assert "s = [[1, 1], [1, -1], [1, 1], [1, -1]]" in res.statement


@pytest.mark.parametrize("mutate,problem", [
    (lambda d: d["projectors"].pop(), "data.projectors: not a projective measurement"),  # a dropped projector
    (lambda d: d["projectors"][0][0].__setitem__(1, "1/3"), "not a projective measurement"),
    (lambda d: d.update(dim=2), "must be a 2x2 matrix (list of rows)"),
    (lambda d: d["signs"].pop(), "data.signs: expected 8 entries, got 7"),
    (lambda d: d["signs"][3].__setitem__(0, 2), "+1 or -1"),
    (lambda d: d["signs"][3].pop(), "+1 or -1"),
    (lambda d: d.update(projectors=[]), "lists 1 to 6 projectors"),
])
def test_bad_projectors_and_signs_are_rejected(tmp_path, mutate, problem):
    res = _mutant(tmp_path, "C001-38.n=3", lambda c: mutate(c["data"]))
    assert res.verdict == "error" and problem in res.detail


@pytest.mark.parametrize("conditions", [("--XX", "XX--"), ("--XX", "XX--", "---X")])
def test_a_wrong_condition_of_eq_78_refutes(tmp_path, monkeypatch, conditions):
    """The decision is not vacuous: with a condition of Eq. (12)/(78) dropped or altered, the systems differ."""
    from exactbell.kernel.kinds import identity

    monkeypatch.setattr(identity, "CONDITIONS", conditions)
    res = _mutant(tmp_path, "C001-32.methods-qubits", lambda c: None)
    assert res.verdict == "refuted" and "Eqs. (72)-(78) do not hold as stated" in res.statement


@pytest.mark.parametrize("d,rank", [(2, 10), (3, 65)])
def test_bistochastic_choi_operators_span_the_range_of_73(d, rank):
    """The spanning set the kernel names, rebuilt here: each is a bistochastic Choi operator (PSD, Tr_in = Tr_out
    = 1), fixed by Pi_A (built with process.depolarize), and together they have the rank of Pi_A."""
    from exactbell.kernel.gaussian import ONE, Gaussian, herm_psd
    from exactbell.kernel.linalg import identity, kron, partial_trace
    from exactbell.kernel.linalg import rank as lin_rank

    def unit(j, k, z):
        return [[z if (a, b) == (j, k) else Gaussian(0) for b in range(d)] for a in range(d)]

    def plus(*Ms):
        return [[sum((M[a][b] for M in Ms), Gaussian(0)) for b in range(len(Ms[0]))] for a in range(len(Ms[0]))]

    basis = [plus(unit(j, k, z), unit(k, j, z.conj())) for j in range(d) for k in range(j + 1, d)
             for z in (ONE, Gaussian(0, -1))] + [plus(unit(j, j, ONE), unit(j + 1, j + 1, -ONE)) for j in range(d - 1)]
    one = identity(d * d, ONE)
    ops = [[[z / d for z in r] for r in one]] + [[[(a + b) / d for a, b in zip(r, s)] for r, s in zip(one, kron(g, h))]
                                                 for g in basis for h in basis]
    sp = Space([d, d])

    def pi_a(M):
        parts = [(1, M), (-1, depolarize(M, sp, [0])), (-1, depolarize(M, sp, [1])), (2, depolarize(M, sp, [0, 1]))]
        return [[sum((c * X[a][b] for c, X in parts), Gaussian(0)) for b in range(d * d)] for a in range(d * d)]
    for M in ops:
        assert herm_psd(M).psd and pi_a(M) == M
        assert partial_trace(M, (d, d), (1,)) == identity(d, ONE) == partial_trace(M, (d, d), (0,))
    assert lin_rank([[x for r in M for x in r] for M in ops]) == rank


@pytest.mark.parametrize("cid,mutate,problem", [
    ("C001-32.qubits", lambda d: d.update(dims=[2, 2, 2, 2, 2, 2]), "data.dims: expected an object"),
    ("C001-38.n=2", lambda d: d["projectors"][0][0].__setitem__(0, 1.0), "float literal 1.0 where an exact number"),
    ("C001-38.n=2", lambda d: d["projectors"][1].__setitem__(1, ["0", "j"]), "data.projectors[1]"),
    ("C001-38.n=2", lambda d: d["signs"].__setitem__(0, [True, 1]), "data.signs"),
    ("C001-38.n=2", lambda d: d.update(dim=9), "data.dim: 9 is not an integer in [1, 8]"),
])
def test_hostile_values_are_one_line_errors(tmp_path, cid, mutate, problem):
    res = _mutant(tmp_path, cid, lambda c: mutate(c["data"]))
    assert res.verdict == "error" and problem in res.detail and "\n" not in res.detail
