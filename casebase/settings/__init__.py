"""Settings profiles: ``base`` (embedded default and development), ``production`` and ``test``."""
