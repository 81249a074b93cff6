"""``python -m orewire``: the ``orewire`` command (see ``orewire --help``)."""
import sys

from orewire.command import main

sys.exit(main())
