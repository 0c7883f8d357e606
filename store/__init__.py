"""Tahqiq's domain and persistence. Never imports Qt; all SQL lives in this package."""
