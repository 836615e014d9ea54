"""Households: registration, classification decisions, members, surveys."""
