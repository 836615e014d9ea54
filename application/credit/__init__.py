"""Preferential loans and loan needs (VBSP)."""
