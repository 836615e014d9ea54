"""The poverty-reduction ledger's domain: households, loans, projects, reminders, users."""
