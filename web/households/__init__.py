"""Pages and API of households: registration, classification, members, surveys."""
