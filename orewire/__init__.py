"""orewire core: plain functions and small classes, no Beam.

The Beam transforms in ``transforms/`` wrap these thinly; tests exercise them directly.
Installed, orewire is one top-level package: the repository's card folders are its
subpackages ``orewire.pipeline``, ``orewire.transforms``, ``orewire.schemas`` and
``orewire.seeds`` (pyproject.toml's package-dir), and ``sql/`` is ``orewire/sql``.
"""
import importlib.abc
import importlib.util
import os
import sys

__version__ = "0.2.0"  # 0.2: figures[].year, minerals[].events (warehouses migrate on open)
PIPELINE_VERSION = f"orewire-{__version__}"
# Where `orewire run`, `query`, `report` and the rest read and write without --warehouse.
DEFAULT_WAREHOUSE = "orewire.duckdb"

# The folders of DESIGN.md's layout that are subpackages of orewire once installed.
CARD_FOLDERS = ("pipeline", "transforms", "schemas", "seeds")


class _CheckoutFolders(importlib.abc.MetaPathFinder):
    """In a checkout the card folders sit beside this package rather than inside it:
    this finder serves ``orewire.<folder>`` from ``<checkout>/<folder>``, so that the
    tests, ``make demo`` and ``python -m orewire`` from the source import the same names
    as the installed wheel, each module under one name, with or without an install (an
    editable install's own finder maps them the same way). Only those four names: the
    checkout's root is not put on ``__path__``, which would make ``orewire.tests`` and
    ``orewire.benchmarks`` importable too."""

    def __init__(self, folders: dict[str, str]):
        self.folders = folders

    def find_spec(self, fullname, path=None, target=None):
        folder = self.folders.get(fullname)
        if folder is None:
            return None
        return importlib.util.spec_from_file_location(
            fullname, os.path.join(folder, "__init__.py"),
            submodule_search_locations=[folder])


def _serve_checkout_folders() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    folders = {f"{__name__}.{name}": os.path.join(root, name) for name in CARD_FOLDERS
               if not os.path.isdir(os.path.join(here, name))        # not installed
               and os.path.isfile(os.path.join(root, name, "__init__.py"))}
    if folders and not any(isinstance(f, _CheckoutFolders) for f in sys.meta_path):
        sys.meta_path.append(_CheckoutFolders(folders))


_serve_checkout_folders()
