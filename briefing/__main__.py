"""`python -m briefing` behaves exactly like the `briefing` command."""

from briefing.cli import main

raise SystemExit(main())
