"""Causal inequalities and the ICO bounds of Liu–Chiribella (arXiv:2403.02749).

* :mod:`.exact` — exact (float-free) operator algebra: canonical instruments, Ω, NS span, L_V.
* :mod:`.polytope` — the causal polytope (definite-order deterministic strategies), causal bounds.
* :mod:`.inequalities` — GYNI, LGYNI, OCB and the biased families as correlation tables.
* :mod:`.sdp` — numeric layer: block-reduced ICO SDPs (cvxpy) and exact rounding.
"""
