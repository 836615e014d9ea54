"""The composition root: builds the ledger from settings and hands it to the web app and the scheduler."""
