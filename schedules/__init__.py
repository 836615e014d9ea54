"""The heartbeat: APScheduler calls the reminder sweep daily and once at start-up; nothing else."""
