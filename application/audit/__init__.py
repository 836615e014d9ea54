"""The audit trail: log, hash chain, checkpoints, verification, export, corrections, as-of, the read models' status."""
