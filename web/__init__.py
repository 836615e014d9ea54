"""The officials' web pages (Vietnamese) and the JSON API under /api/v1."""
