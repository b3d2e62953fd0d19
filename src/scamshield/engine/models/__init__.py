"""Trained model artefacts (``<name>.npz`` weights + ``<name>.json`` metadata), loaded by ``engine.textmodel``."""
