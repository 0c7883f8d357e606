"""The project file and its records: opening, schema, articles, claims, labels,
history and search. Everything else in the store builds on this."""
