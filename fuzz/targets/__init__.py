"""One module per door; each has ``test_one_input(data)`` and ``seeds()`` (see fuzz/harness.py)."""
