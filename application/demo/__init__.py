"""The demo commune (Hải Hòa). Imported by the CLI and tests only, never by a use case."""
