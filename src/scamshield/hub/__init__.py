"""Real-time delivery: connections, users, calls, alerts and the brokers that fan messages out across instances.

The hub imports neither the engine nor the store: it is told what to deliver and reports back through callbacks.
"""
