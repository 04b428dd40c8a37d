"""Keep bench/README.md showing the latest tables: each run rewrites its own block."""

from __future__ import annotations

import json
from pathlib import Path

README = Path(__file__).resolve().parent / "README.md"


def update(section: str, table: str) -> None:
    """Replace the text between `<!-- section:start -->` and `<!-- section:end -->`."""
    start, end = f"<!-- {section}:start -->", f"<!-- {section}:end -->"
    text = README.read_text(encoding="utf-8") if README.exists() else ""
    block = f"{start}\n```\n{table}\n```\n{end}"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip() + f"\n\n{block}\n"
    README.write_text(text, encoding="utf-8")


def publish(section: str, result: dict, table: str) -> None:
    """Write `results/<section>.json` and the README table together, so they never disagree."""
    results = Path(__file__).resolve().parent / "results" / f"{section}.json"
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    update(section, table)
    print(f"\nwritten bench/results/{section}.json and bench/README.md")
