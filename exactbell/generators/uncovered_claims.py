"""Issue #17 point 1: catalogue claims still without a certificate, decided with the existing kinds:

* C001-10.duality  Liu–Chiribella App. A (l.337), on qubits (d_AI, d_AO, d_BI, d_BO) = (2, 2, 2, 2): weak
            duality Tr(S W) = Tr(W)/(d_AI d_BI) for every process S and W in Span(Choi(NoSig)), and the
            normalised identity a valid, positive definite process (kind identity, mode process-duality).

* C002-25   the bilocality scenario's counts (App., L2035-2045, L2155-2190; main text L443-446): with
            binary x, z, a, c and four-valued b, n = o_a^m_x o_b o_c^m_z = 64 deterministic strategies
            (the 64-dimensional hidden-variable vector q), l = o_a^m_x o_c^m_z = 16 rows of M_nu and
            k = o_a o_b o_c m_x m_z = 64 observed components (kind identity, mode polynomial).
* C002-33.dimensions   Theorem 7's standard form (L880-910): the row blocks of Phi (L rows v >= <1_k, t_i>,
            2k rows -t_i <= M_i q <= t_i per i, m rows each for A q = p as two inequalities, 2 for
            normalisation) add up to L + 2Lk + 2m + 2, the length of b; the column blocks (v, t_1..t_L, q)
            to 1 + Lk + n, the length of xi and c (kind identity, as polynomials in L, k, m, n).
"""
from __future__ import annotations

from ..certificates.format import envelope2
from . import generator

PAPER = "chaves-kueng-brask-gross"
LC_PAPER = "liu-chiribella"


@generator("C001-10.duality", LC_PAPER, "C001-10")
def process_duality():
    return envelope2(
        "C001-10.duality", "C001-10", LC_PAPER, "App. A, l.337",
        "Weak duality of the SDP pair (22)-(23) on qubit systems: Tr(S W) = Tr(W)/(d_AI d_BI) (= Tr(W)/prod m_i "
        "on the canonical space, in_i = C^(m_i)) for every valid "
        "process matrix S and every W in the span of no-signalling Choi operators, and the strictly positive "
        "feasible point behind strong duality: the normalised identity is a valid process matrix and positive "
        "definite (C001-10.identity shows the same point on the canonical LGYNI space).",
        "identity", "verified", {}, {"mode": "process-duality", "dims": [2, 2, 2, 2]})


@generator("C002-25", PAPER, "C002-25")
def bilocal_counts():
    data = {"mode": "polynomial",
            "definitions": [["o_a", "2"], ["o_b", "4"], ["o_c", "2"], ["m_x", "2"], ["m_z", "2"]],
            "identities": [["o_a^2*o_b*o_c^2", "64"], ["o_a^2*o_c^2", "16"], ["o_a*o_b*o_c*m_x*m_z", "64"]]}
    return envelope2(
        "C002-25", "C002-25", PAPER, "eqs. (43)-(47), L437-465, L2035-2045, L2155-2190",
        "Bilocality scenario with dichotomic x, z, a, c and b = (b0, b1) four-valued (m_x = m_z = 2, "
        "o_a = o_c = 2, o_b = 4): n = o_a^m_x o_b o_c^m_z = 64 deterministic strategies, so the hidden-variable "
        "vector q_{alpha0 alpha1 beta0 beta1 gamma0 gamma1} has 64 components (L446); l = o_a^m_x o_c^m_z = 16 "
        "(rows of M_nu, eq. (51)); k = o_a o_b o_c m_x m_z = 64 (observed components, eq. (52)). The equivalence "
        "M_BL = 0 iff q^ac = q^a q^c (eqs. (45)-(46)) is definitional (a sum of absolute values vanishes iff "
        "each term does) and is not decided here.",
        "identity", "verified", {}, data)


@generator("C002-33.dimensions", PAPER, "C002-33")
def theorem7_dimensions():
    rows = "nL*1 + nL*(k + k) + m + m + 1 + 1"
    cols = "1 + nL*k + n"
    data = {"mode": "polynomial",
            "definitions": [["rows_Phi", rows], ["cols_Phi", cols]],
            "identities": [["rows_Phi", "nL + 2*nL*k + 2*m + 2"], ["cols_Phi", "1 + nL*k + n"]]}
    return envelope2(
        "C002-33.dimensions", "C002-33", PAPER, "Theorem 7, proof, L880-910",
        "Theorem 7's standard form Phi xi >= b (nL stands for the paper's L, the number of matrices M_i): Phi's row blocks are L rows (v >= <1_k, t_i>), 2k rows per i "
        "(-t_i <= M_i q <= t_i), m rows for A q >= p and m for -A q >= -p, and 2 for <1_n, q> = 1; they add up "
        "to L + 2Lk + 2m + 2, the printed length of b and zeta. The column blocks v, t_1..t_L in R^k and q in "
        "R^n add up to 1 + Lk + n, the printed length of xi and c. (The proof of Cor. 8 writes "
        "zeta >= 0_{L+2Lk+2l+2}: l for m, a typo, E-06.) Primal = dual on instances: the lp certificates "
        "(e.g. C002-28, C002-30) decide exact primal and dual points with equal objectives, on the kernel's "
        "own LP layout, not on Phi as printed.",
        "identity", "verified", {}, data,
        parameters={"nL": "[1, 1024]", "k": "[1, 1024]", "m": "[1, 1024]", "n": "[1, 1024]"})


# The LPs of the measures (Theorems 6-7) at instances: each premise decides an optimum from an exact primal
# point and an exact dual point with equal objectives (primal = dual).
C002_33_PREMISES = ["C002-33.dimensions.json", "C002-22.json", "C002-30.v=4_5.json"]


@generator("C002-33", PAPER, "C002-33")
def theorem7_instances():
    data = {"rule": "all", "premises": C002_33_PREMISES,
            "stated": "the measurement-dependence LP of C002-22 (measure M) and the non-bilocality LP of C002-30 "
                      "(measure M_BL) are instances of the reformulation of Theorems 6-7 (sums of absolute values "
                      "as ||M_i q||_1 with A q = p, <1_n, q> = 1, q >= 0), built by the kernel in its own "
                      "layout rather than as Phi, b, c printed; each optimum is decided from an exact primal "
                      "point and an exact dual point with equal objectives, i.e. primal = dual on these instances"}
    return envelope2(
        "C002-33", "C002-33", PAPER, "Theorem 6, Theorem 7, Corollary 8, Lemma 5, L820-1010",
        "Theorem 7's dimension counts (row and column blocks of Phi) and primal = dual at two instances of the "
        "reformulated LPs (measurement dependence for GHZ, M = 1/4; non-bilocality at v^2 = 16/25, "
        "M_BL = 7/25), exact primal and dual points.",
        "composite", "verified", {}, data)


@generator("C002-34.vertices", PAPER, "C002-34")
def gauge_fixed_vertices():
    """Table I's dual region after gauge-fixing (C002-03's rows), without the non-extremal zero row: the
    12 proven vertices (the lp kind's dual-vertices claim decides each vertex proof)."""
    from .ckbg import table_one
    data = dict(table_one()["data"])
    data["rows"] = data["rows"][1:]
    data["vertices"] = [{"row": v["row"] - 1, "mu": v["mu"]} for v in data["vertices"]]
    data["midpoints"] = []
    from .ckbg_lp import CONV
    return envelope2(
        "C002-34.vertices", "C002-34", PAPER, "Proposition 9, L1195-1285; Table I, L1566-1614",
        "After gauge-fixing (z = 0 on p00_00, p00_10, p01_00, p10_00, p10_10) the dual region of the CHSH X->B LP "
        "has vertices: the 8 CHSH rows and the 4 no-signalling rows of Table I are proven vertices (without the "
        "gauge the region contains a line: its lineality space, so it has no vertex).",
        "lp", "verified", CONV, data)


@generator("C002-34", PAPER, "C002-34")
def optimum_at_vertex():
    data = {"rule": "all", "premises": ["C002-34.vertices.json", "C002-02.json"],
            "stated": "each of the 8 duals of C002-02 equals one of the 8 CHSH rows among the proven vertices "
                      "of C002-34.vertices on every normalised no-signalling p (they differ by a gauge direction), "
                      "and the 4 no-signalling vertices give 0 on every no-signalling p, so the LP optimum "
                      "max[0, CHSH_1..8(p)] is attained at a vertex of the gauge-fixed dual region for every p "
                      "C002-02 covers; Proposition 9 for every LP is textbook LP duality and is not decided"}
    return envelope2(
        "C002-34", "C002-34", PAPER, "Proposition 9, L1195-1285",
        "Prop. 9 at the Table I instance: the gauge-fixed dual region has vertices, and the X->B LP's optimum "
        "(C002-02) is attained at them.",
        "composite", "verified", {}, data)
