"""`python -m briefing` behaves exactly like the `briefing` command."""

from briefing.cli import main

# Guarded: the analysis pool's fork server imports this module again (as __mp_main__),
# and must not start a second app there.
if __name__ == "__main__":
    raise SystemExit(main())
