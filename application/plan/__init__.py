"""The commune's plan, its targets and the dashboard that measures them."""
