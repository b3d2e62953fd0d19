"""Use cases that tie the pure engine, the store and the hub together."""
