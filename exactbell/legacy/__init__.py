"""Schema-1 certificates and their per-kind checkers, kept only for the few bundled certificates
not yet expressed as kernel kinds. Nothing here is part of the trusted kernel: a legacy row shows
no decided statement, is not pinned, and is marked ``legacy`` in reports."""
