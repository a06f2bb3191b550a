"""Numeric SDP layer (untrusted): NPA relaxations (±1 observables, or projectors for any number of
outcomes), Gram/SOS candidates and their exact rounding.

Floats live here; exact objects leave through :mod:`exactbell.sdp.rounding`, whose output is
re-decided by the kernel kind ``sos`` (:mod:`exactbell.kernel.kinds.sos`).
"""
