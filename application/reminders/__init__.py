"""Deadlines: obligations, the sweep, the inbox, the outbox and mail, completeness."""
