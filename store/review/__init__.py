"""Reviewing colleagues' work: reviews, agreement, disagreements and the story of a
claim's history."""
