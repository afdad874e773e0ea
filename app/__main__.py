"""`python -m app` is the `bulwark` command."""

from app.cli import main

raise SystemExit(main())
