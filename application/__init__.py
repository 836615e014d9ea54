"""Use cases of the ledger: the only place that writes events and reads the read models."""
