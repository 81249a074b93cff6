"""orewire's metadata is in pyproject.toml; this file lets Dataflow stage the project
(``--setup_file ./setup.py``), which runs it to build a source distribution."""
from setuptools import setup

setup()
