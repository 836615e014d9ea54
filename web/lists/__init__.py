"""Pages and API of the household lists, their export and the import."""
