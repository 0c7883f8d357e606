"""Text tools with no database: Arabic folding and search matching, terminal display,
PDF-text repair, cleaning, code-page plausibility, language detection and quote
anchoring."""
