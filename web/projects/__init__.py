"""Pages and API of livelihood projects."""
