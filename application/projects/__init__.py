"""Livelihood projects (Dự án 2, Tiểu dự án 1 of Dự án 3)."""
