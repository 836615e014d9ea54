"""Users, roles, responsibilities, sign-in and sessions."""
