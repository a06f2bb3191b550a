"""The optimal quantum strategy of the CGLMP inequality I_3 (Collins, Gisin, Linden, Massar, Popescu,
PRL 88, 040404 (2002); coefficients: :func:`exactbell.kernel.models.cglmp`).

I_d = Σ_{k=0}^{⌊d/2⌋−1} (1 − 2k/(d−1)) ( [P(A_1 = B_1 + k) + P(B_1 = A_2 + k + 1) + P(A_2 = B_2 + k)
      + P(B_2 = A_1 + k)] − [P(A_1 = B_1 − k − 1) + P(B_1 = A_2 − k) + P(A_2 = B_2 − k − 1)
      + P(B_2 = A_1 − k − 1)] ),   outcomes mod d,

with local bound 2 (the kernel's ``cglmp(d)`` is this, term by term). Inputs A_1, A_2, B_1, B_2
are x, y = 0, 1 here. For d = 3 the quantum maximum is 1 + √(11/3) ≈ 2.9149 (Acín, Durt, Gisin,
Latorre, PRA 65, 052325 (2002)), reached by the state (|00⟩ + γ|11⟩ + |22⟩), γ = (√11 − √3)/2, and the CGLMP measurements
|a⟩_{A,x} = Σ_k ω^{k(a + α_x)} |k⟩/√3, |b⟩_{B,y} = Σ_k ω^{−k(b + β_y)} |k⟩/√3, ω = e^{2πi/3},
α = (0, 1/2), β = (−1/4, 1/4) (with the labels of I_d above; β = (1/4, −1/4) gives −0.0648). The
kernel's Born rule gives exactly 1 + √33/3 (tests/test_quantum_bound_outcomes.py).
"""
from __future__ import annotations

from fractions import Fraction

# Q(t), t = √3 + √11: minimal polynomial t⁴ − 28t² + 64, t ≈ 5.0487 in (5, 6)
FIELD = {"generator": "t", "minpoly": "t^4 - 28*t^2 + 64", "interval": ["5", "6"]}


def sqrt_texts() -> tuple[str, str]:
    """√3 and √11 as polynomials in t = √3 + √11: t³ = 36√3 + 20√11 and t = √3 + √11 give
    √3 = (t³ − 20t)/16 and √11 = (36t − t³)/16."""
    return "(t^3 - 20*t)/16", "(36*t - t^3)/16"


def optimal_strategy_d3() -> dict:
    """The exact optimal strategy for I_3: a kernel strategy spec with its field :data:`FIELD`
    (entries expressions in t and i = √−1), accepted by ``quantum_bound(..., strategy=...)``."""
    s3, s11 = sqrt_texts()
    # 12th roots of unity e^{iπj/6} = cos + i sin, with cos(π/6) = √3/2
    cs = {0: ("1", "0"), 1: (f"({s3})/2", "1/2"), 2: ("1/2", f"({s3})/2"), 3: ("0", "1"),
          4: ("-1/2", f"({s3})/2"), 5: (f"-({s3})/2", "1/2")}

    def root(j: int) -> tuple[str, str]:  # e^{iπj/6}
        j %= 12
        c, s = cs[j % 6]
        return (c, s) if j < 6 else (f"-({c})", f"-({s})")

    def projector(phase) -> list:
        """|v⟩⟨v| for v_k = e^{iπ·phase(k)/6}/√3: entries e^{iπ(phase(r) − phase(c))/6}/3."""
        rows = []
        for r in range(3):
            row = []
            for c in range(3):
                re, im = root(phase(r) - phase(c))
                row.append(f"({re})/3 + (({im})/3)*i")
            rows.append(row)
        return rows

    # ω^{k(a + α)} = e^{iπ·4k(a + α)/6}; α ∈ {0, 1/2} → 4k(a + α) ∈ Z; β = ±1/4 → 4k(b + β) ∈ Z
    alice = [[projector(lambda k, a=a, al=al: int(4 * k * (a + al))) for a in range(3)]
             for al in (Fraction(0), Fraction(1, 2))]
    bob = [[projector(lambda k, b=b, be=be: -int(4 * k * (b + be))) for b in range(3)]
           for be in (Fraction(-1, 4), Fraction(1, 4))]
    gamma = f"(({s11}) - ({s3}))/2"
    state = ["1", "0", "0", "0", gamma, "0", "0", "0", "1"]
    return {"field": FIELD, "state": state, "projectors": [alice, bob]}


def value_text() -> str:
    """1 + √(11/3) = 1 + √33/3 as a polynomial in t: √33 = (t² − 14)/2."""
    return "1 + (t^2 - 14)/6"
