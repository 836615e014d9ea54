"""The core every capability stands on: the event store, entries, errors, settings, reference data."""
