"""Red-team tests of psd-dual, assemblage(-dual) and their shared modules (issue #14, points 3, 4 and 6).

Each test mutates one bundled certificate (a copy in ``tmp_path``) or calls a kernel helper with hostile
input, and asserts the exact rejection (an ``error`` row naming the field, never an internal error), the
exact changed statement, or an exact count of the work done (size bombs: no timing).
"""

import pytest

from exactbell.kernel import process as pm
from exactbell.kernel.check import check_file
from exactbell.kernel.scenario import Scenario

from .conftest import PROOFS, decide, load, rejected, setter

LC = "liu-chiribella"
CANONICAL = (LC, "C001-26.a=1_2.json")  # pieces with slacks and a canonical lower process
REFUTE = (LC, "C001-11.json")  # refute "Dmax max"
BISTOCHASTIC = (LC, "C001-19.corner=00.json")
DECOMPOSITION = (LC, "C001-08.gyni.json")  # four pieces, no slacks: GYNI is not single-trigger


def decide_at(tmp_path, folder, name, *path_value):
    """The kernel's result after setting each (path, value) of a bundled certificate."""
    return decide(tmp_path, folder, name, setter(*path_value))


def test_baseline_certificates_pass():
    for folder, name in (CANONICAL, REFUTE, BISTOCHASTIC, DECOMPOSITION):
        r = check_file(PROOFS / folder / name)
        assert r.passed and r.pin == "pinned", (name, r.detail)


# -- psd-dual: the canonical-instrument space is built only after the file's blocks are read ----------
def _one_setting(m):
    """A scenario with one setting per party and m outcomes for Alice (Π m_i² n_i = m²), F = 1."""
    return ((("data", "scenario"), {"inputs": [1, 1], "outputs": [m, 1]}),
            (("data", "functional", "coefficients"), ["1"] * m))


@pytest.mark.parametrize("where", ["pieces", "refute"])
def test_omega_is_not_built_before_the_blocks_of_the_file(tmp_path, monkeypatch, where):
    """Before: Ω(F) (Π m_i² square per context) was built from the scenario before the slack/operator of the
    file was read, so a 300-byte file with outputs [30, 1] ran for minutes (m = 20: 7 s) before the size error."""
    calls = []
    monkeypatch.setattr(pm, "omega_blocks", lambda *a, **k: calls.append(a) or {})
    if where == "pieces":
        r = decide_at(tmp_path, *CANONICAL, *_one_setting(3),
                      (("data", "pieces"), [{"trigger": [0, 0], "slack": [[["0"]]]}]),
                      (("data", "lower"), {"form": "canonical", "trigger": [0, 0], "process": [[["0"]]]}))
        rejected(r, "data.pieces[0].slack[0]", "9x9")
    else:
        r = decide_at(tmp_path, *REFUTE, *_one_setting(3), (("data", "refute", "trigger"), [0, 0]),
                   (("data", "refute", "operator"), [[["0"]]]))
        rejected(r, "data.refute.operator[0]", "9x9")
    assert calls == []


@pytest.mark.parametrize("name", [CANONICAL, REFUTE])
def test_canonical_space_larger_than_the_cap_is_rejected_at_the_scenario(tmp_path, name):
    """outputs [17, 1]: the canonical space has dimension 17² = 289 > 256 (the explicit process's cap)."""
    key = "pieces" if name == CANONICAL else "refute"
    extra = ((("data", "pieces"), [{"trigger": [0, 0], "slack": [[["0"]]]}]),) if key == "pieces" else \
        ((("data", "refute", "trigger"), [0, 0]), (("data", "refute", "operator"), [[["0"]]]))
    r = decide_at(tmp_path, *name, *_one_setting(17), *extra)
    rejected(r, "data.scenario", "larger than 256")


def test_dependence_compares_each_outcome_once_per_party():
    """Before: every outcome against every value of a_i (Σ_i |outcomes|·o_i lookups per context): a 12 kB
    decomposition with outputs [3000, 1] took 13 s (quadratic). Now 2 lookups per outcome and party."""
    m = 40
    sc = Scenario((1, 1), (m, 1))

    class Counting(dict):
        reads = 0

        def __getitem__(self, k):
            Counting.reads += 1
            return dict.__getitem__(self, k)
    alpha = Counting({((a, 0), (0, 0)): a % 3 for a in range(m)})
    assert pm.dependence(sc, alpha, (0, 0)) == {0}
    assert Counting.reads == 2 * sc.parties * len(sc.outcomes)
    Counting.reads = 0
    flat = Counting({k: 1 for k in alpha})
    assert pm.dependence(sc, flat, (0, 0)) == set()


def test_decomposition_decides_single_trigger_in_one_pass(tmp_path, monkeypatch):
    """Before: "is the functional itself single-trigger" tried every context as trigger, each scanning every
    context (|contexts|² dependence scans); now one scan per context (plus one per piece)."""
    calls = []
    real = pm.dependence
    monkeypatch.setattr(pm, "dependence", lambda *a: calls.append(a[2]) or real(*a))
    r = check_file(PROOFS / DECOMPOSITION[0] / DECOMPOSITION[1])
    assert r.passed and r.pin == "pinned", r.detail
    assert "the functional itself is not single-trigger" in r.statement
    assert len(calls) == (4 + 1) * 4  # four pieces and the functional, four contexts each


def test_decomposition_of_a_single_trigger_functional_says_so(tmp_path):
    """The one-pass test agrees with the definition: GYNI's first piece alone is single-trigger."""
    piece = load(PROOFS / DECOMPOSITION[0] / DECOMPOSITION[1])["data"]["pieces"][0]
    r = decide_at(tmp_path, *DECOMPOSITION, (("data", "functional", "coefficients"), piece["coefficients"]),
               (("data", "pieces"), [piece]), (("data", "paper", "value"), 1))
    assert r.verdict == "verified", r.detail
    assert r.statement.endswith("with trigger (0, 0) (each supported on the context equal to its trigger, the "
                                "paper's construction); the functional itself is single-trigger (paper: at most 1 "
                                "piece)"), r.statement


# -- psd-dual: JSON types -------------------------------------------------------------------------------
@pytest.mark.parametrize("entry", ["zz", None, [0], {"a": 1}, True, "1"])
def test_bistochastic_instrument_entries_must_be_integers(tmp_path, entry):
    """Before: a string/list/null entry was an internal error (sorted() over mixed types), a bool was accepted
    as the integer 0/1."""
    inst = [[[1, entry], [0, 1]], [[1, 0], [0, 1]]] if entry is not True else [[[True, 0], [0, 1]], [[1, 0], [0, 1]]]
    r = decide_at(tmp_path, *BISTOCHASTIC, (("data", "lower", "instruments"), inst))
    rejected(r, "data.lower.instruments", "permutation of range(2)")


def test_refute_witness_context_must_be_integers(tmp_path):
    """Before: [true, true] was accepted as the context (1, 1) and the statement read "label block (True, True)"."""
    r = decide_at(tmp_path, *REFUTE, (("data", "refute", "witness", "context"), [True, True]))
    rejected(r, "data.refute.witness.context", "not a context")


# -- assemblage: the realisation's steered states ----------------------------------------------------------
SHSA = "sainz-hoban-skrzypczyk-aolita"
BWI_REALISED = (SHSA, "C003-06.json")  # bob-with-input, 3 x, 2 a, 2 y, a realisation with channels


def test_steer_is_the_partial_trace_with_dA2_dB2_products():
    """Before: tr_A[(M ⊗ 𝟙)R] formed (M ⊗ 𝟙)R, d_A³d_B² products (64 kB, d_A = d_B = 8: 51 s, 73% in steer).
    Now d_A²d_B² products, equal to the definition entry by entry."""
    from exactbell.kernel import steering as st
    from exactbell.kernel.gaussian import ONE, Gaussian
    from exactbell.kernel.linalg import identity, kron, mul, partial_trace

    class Counted(Gaussian):
        products = 0

        def __rmul__(self, o):
            Counted.products += 1
            return Gaussian.__mul__(self, o)
    dA, dB = 2, 3
    M = [[Gaussian(1, 0), Gaussian(1, 1)], [Gaussian(1, -1), Gaussian(3, 0)]]
    R = [[Counted(r + 2 * c + 1, r - c) for c in range(dA * dB)] for r in range(dA * dB)]
    want = partial_trace(mul(kron(M, identity(dB, ONE)), R), (dA, dB), (0,))
    Counted.products = 0
    assert st.steer(R, M, dA, dB) == want
    assert Counted.products == dA * dA * dB * dB


def test_realisation_steers_once_per_setting_and_outcome(tmp_path, monkeypatch):
    """Before: τ_{a|x} was recomputed for every y (n_y·n_x·n_a steers); now once per (x, a)."""
    from exactbell.kernel import steering as st
    calls = []
    real = st.steer
    monkeypatch.setattr(st, "steer", lambda *a: calls.append(1) or real(*a))
    r = check_file(PROOFS / BWI_REALISED[0] / BWI_REALISED[1])
    assert r.passed and r.pin == "pinned", r.detail
    assert len(calls) == 3 * 2


# -- poly: degrees ------------------------------------------------------------------------------------------
def test_power_of_a_power_of_a_power_is_refused_by_degree():
    """Before: the bit-size guard counts coefficients only, so "(((a^256)^256)^256)^256" (24 bytes) parsed to
    a^(2^32) and the segment's affine test built its dense coefficient list: memory limit exceeded."""
    from exactbell.kernel.expr import ExprError
    from exactbell.kernel.poly import Poly, RationalFunction

    assert Poly.parse("(x^256)^256", ["x"]).univariate_coefficients("x")[-1] == 1  # degree 65536 = EXPONENT²
    for text in ("((x^256)^256)^2", "(x^256)^256*x", "((x^256)^256)^256"):
        with pytest.raises(ExprError, match="degree above 65536 in x"):
            Poly.parse(text, ["x"])
    with pytest.raises(ExprError, match="degree above 65536 in x"):
        RationalFunction.parse("1/((x^256)^256*x)", ["x"])


def test_segment_functional_with_a_huge_degree_is_rejected_at_the_coefficient(tmp_path):
    r = decide_at(tmp_path, LC, "C001-21.json", (("data", "functional", "coefficients", 0), "((a^256)^256)^256"))
    rejected(r, "data.functional.coefficients", "degree above 65536")


def test_a_power_is_one_product_for_the_term_pair_cap():
    """Before: p^n multiplied n times, each step under PRODUCT_PAIRS, so "(u+v+w)^200" (12 bytes) ran 12 M term
    pairs (59 s) before the bit-size guard; now the pairs of all n factors share the cap."""
    from exactbell.kernel.expr import ExprError
    from exactbell.kernel.poly import Poly

    assert len(Poly.parse("(u+v)^256", ["u", "v"]).terms) == 257  # 2·(1 + ... + 256) = 65,792 pairs
    with pytest.raises(ExprError, match="multiplies more than 200000 term pairs"):  # the parser counts first
        Poly.parse("(u+v+w)^75", ["u", "v", "w"])
    with pytest.raises(ExprError, match="a power of 3 terms with more than 200000 term pairs"):
        Poly.parse("u+v+w", ["u", "v", "w"]) ** 75
