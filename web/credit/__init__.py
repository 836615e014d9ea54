"""Pages and API of preferential loans and loan needs."""
