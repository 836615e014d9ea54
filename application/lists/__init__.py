"""The statutory household lists and their import from Excel."""
