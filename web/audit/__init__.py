"""Pages and API of the audit log, as-of views, corrections and the audit export."""
