"""orewire core: plain functions and small classes, no Beam.

The Beam transforms in ``transforms/`` wrap these thinly; tests exercise them directly.
"""
__version__ = "0.1.0"
PIPELINE_VERSION = f"orewire-{__version__}"
