"""orewire core: plain functions and small classes, no Beam.

The Beam transforms in ``transforms/`` wrap these thinly; tests exercise them directly.
"""
__version__ = "0.2.0"  # 0.2: figures[].year, minerals[].events (warehouses migrate on open)
PIPELINE_VERSION = f"orewire-{__version__}"
# Where `orewire run`, `query`, `report` and the rest read and write without --warehouse.
DEFAULT_WAREHOUSE = "orewire.duckdb"
