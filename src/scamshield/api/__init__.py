"""HTTP/WebSocket layer: assembles engine, store and hub behind FastAPI."""
