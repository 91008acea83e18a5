import sys

from slate.cli import main

sys.exit(main())
