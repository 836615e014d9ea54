"""The annual and regular reviews of poor and near-poor households, and their reports."""
