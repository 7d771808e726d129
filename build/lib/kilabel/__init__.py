"""kilabel: visible AI labels and machine-readable provenance for AI-generated images."""

__version__ = "0.1.0"
APP_NAME = "kilabel"
