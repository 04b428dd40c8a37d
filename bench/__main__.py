"""`python -m bench [quality|speed|scale] [--limit N] [--sizes 10,100,1000] [--scale 1000,5000] [--no-tui] [--no-write]`."""

from __future__ import annotations

import argparse

from bench import quality, scale, speed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("what", nargs="?", choices=("quality", "speed", "scale", "all"), default="all")
    parser.add_argument("--limit", type=int, default=None, help="quality: only the first N clusters")
    parser.add_argument("--systems", default=None, help="quality: comma-separated system names")
    parser.add_argument("--sizes", default=",".join(map(str, speed.SIZES)), help="speed: article counts")
    parser.add_argument("--scale", default="1000,5000", help="scale: the two pile sizes (files)")
    parser.add_argument("--no-tui", action="store_true", help="scale: skip the TUI probe")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/results alone")
    args = parser.parse_args(argv)
    if args.what in ("quality", "all"):
        systems = args.systems.split(",") if args.systems else None
        quality.main(args.limit, systems, write=not args.no_write)
    if args.what in ("speed", "all"):
        sizes = tuple(int(s) for s in args.sizes.split(","))
        speed.main(sizes, write=not args.no_write)
    if args.what in ("scale", "all"):
        small, big = (int(n) for n in args.scale.split(","))
        scale.main(small, big, tui=not args.no_tui, write=not args.no_write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
