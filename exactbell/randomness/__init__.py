"""Device-independent randomness with noisy one-way signaling (Sengupta–Wooltorton Sec. V, Eqs. 16–20).

Search side only (floats, cvxpy). :mod:`.radau` gives the Gauss–Radau rule, :mod:`.behaviour` the Bell
functionals (CHSH, T_q of Eq. 12) and the signaling behaviour (19) as a linear map of a two-input /
four-input quantum behaviour, :mod:`.moments` the moment matrices, :mod:`.bff` the Brown–Fawzi–Fawzi
lower bound on H(A|X=0,E) (Quantum 8, 1445 (2024), arXiv:2106.13692), :mod:`.guessing` the guessing
probability (min-entropy) SDP whose dual the generator rounds to exact SOS certificates, :mod:`.bff_dual`
the dual of one BFF term at a rational node rounded to an exact SOS with Eve's letters, and :mod:`.curves`
the data of Figs. 2–4.
"""
