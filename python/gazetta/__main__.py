"""``python -m gazetta``: the same as the ``gazetta`` command (see :mod:`gazetta.cli`)."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
