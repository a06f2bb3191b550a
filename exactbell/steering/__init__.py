"""Steering assemblages (traditional, Bob-with-input, instrumental), exact checks, realisations.

Conventions (recorded in every certificate's ``conventions``):

* **Indices.** Labels start at 0. Traditional and instrumental assemblages are JSON lists
  ``blocks[x][a]``; Bob-with-input assemblages are ``blocks[y][x][a]`` (y outermost: for each y a
  traditional assemblage). For Eq. (6) of Sainz et al. the paper's x = 1, 2, 3 (σ_1, σ_2, σ_3) =
  (X, Y, Z) becomes x = 0, 1, 2.
* **Matrices.** ``M[row][col] = ⟨row|M|col⟩`` in the computational basis |0⟩,…,|d−1⟩; entries are
  exact complex numbers (text in ``i`` and an optional real field generator).
* **Tensor order.** Alice's space is the first Kronecker factor: |a⟩⊗|b⟩ has index a·d_B + b.
  Steered states σ_{a|x} = tr_A[(M_{a|x} ⊗ 𝟙) ρ].
* **Transposition** is in the computational basis; the GHJW measurements are
  M_{a|x} = (K⁻¹ σ_{a|x} K⁻†)ᵀ for the purification |ψ⟩ = Σ_j |j⟩ ⊗ K|j⟩, K K† = ρ_B.
* **Channels** are weighted Kraus families E(X) = Σ_k w_k K_k X K_k† with rational w_k ≥ 0 (so
  1/√3·U needs no √3): CP because w_k ≥ 0, TP iff Σ_k w_k K_k† K_k = 𝟙.
* **Instrumental** assemblages: Bob's input equals Alice's outcome, σ_{a|x} = E_a(tr_A[(M_{a|x}⊗𝟙)ρ]);
  the post-selection of a BWI assemblage ω is σ_{a|x} = ω_{a|x,y=a}.
* **Bell correlations** from Bob's POVM {N_{b|y}}: p(a,b|x,y) = tr(N_{b|y} σ_{a|xy}) in the canonical
  inputs-major order of :mod:`exactbell.kernel.scenario` with parties (Alice, Bob).
"""
