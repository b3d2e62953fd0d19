"""Training of the learned detectors (scikit-learn, train time only). See ``docs/models.md``.

``python -m scamshield.training`` / ``scamshield train {sms,url,transcript} --data CSV ...`` rebuild the artefacts
shipped in ``scamshield/engine/models``.
"""
