"""What comes in and goes out: article import, CSV, JSON and JSON-LD export, the
review packet, and merging a colleague's project."""
