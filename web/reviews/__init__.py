"""Pages and API of the annual and regular reviews, and the statutory reports."""
