"""``python -m orewire``: the ``orewire`` command (see ``orewire --help``)."""
import sys

from pipeline.cli import main

sys.exit(main())
