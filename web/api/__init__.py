"""The JSON API under /api/v1, over the same use cases as the pages."""
