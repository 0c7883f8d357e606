"""Text tools with no database: Arabic folding, terminal display, PDF-text repair,
cleaning and quote anchoring."""
