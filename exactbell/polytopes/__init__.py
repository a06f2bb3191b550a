"""Polytopes: local and signaling-channel polytopes, vertices, facets, symmetry."""
