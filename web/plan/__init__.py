"""Pages and API of the commune's plan, its dashboard, the what-if and the poverty standards."""
