"""The audit log read model (view_audit, view_audit_households): one row per recorded act, with its
text in Vietnamese for the inspectors; its handlers are written per capability in this package."""
