"""Quantum side: Bell operators, exact strategies, SOS certificates."""
