"""The bundle's entry point: the same ``main`` as the ``tahqiq`` console script."""

import sys

from gui.launcher import main

sys.exit(main())
