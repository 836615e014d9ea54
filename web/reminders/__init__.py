"""Pages and API of obligations and the reminders inbox."""
