"""Pages of users, sign-in and sessions."""
