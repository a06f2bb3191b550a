"""exactbell: exact certificates for claims about Bell nonlocality, signaling polytopes,
causal inequalities, steering and device-independent cryptography."""

__version__ = "0.1.0"
