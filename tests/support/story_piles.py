"""Invented piles for the story tests: two made-up conflicts over several days, and a stray report.

Every name, place and sentence here is invented for the tests (no corpus text). The
two conflicts share the vocabulary of any war report (ceasefire, talks, killed, the
United Nations) on purpose: telling them apart must rest on who and where.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefing.models import Article
from briefing.nlp.sentences import segment

# (file stem, outlet, date, title, paragraphs)
Report = tuple[str, str, dt.date, str, tuple[str, ...]]

DRAVIK: tuple[Report, ...] = (
    ("dravik-1", "Northern Wire", dt.date(2031, 3, 3), "Sorran Front fighters shell Dravik suburbs as talks stall", (
        "Fighters of the Sorran Front shelled the eastern suburbs of Dravik on Monday, killing at least 14 "
        "civilians, Arvenian officials said.",
        "The rebel group, led by commander Ilya Marenko, has besieged the Arvenian capital since January.",
        "Talks in Halvik between the Arvenian government and the Sorran Front stalled last week over "
        "prisoner exchanges.",
        "Quendal's foreign minister, Leonie Baptiste, who mediates the talks, called the shelling a grave setback.",
    )),
    ("dravik-2", "Coastal Herald", dt.date(2031, 3, 4), "Arvenia says Marenko's men broke Halvik pledge", (
        "Arvenia accused Ilya Marenko on Tuesday of breaking a pledge made in Halvik to spare the suburbs of Dravik.",
        "Hospitals in Dravik treated dozens of wounded after a second night of shelling, doctors said.",
        "The Sorran Front denied targeting homes and said its fighters had struck army positions near the Dravik "
        "ring road.",
        "Leonie Baptiste flew to Halvik to keep the talks alive.",
    )),
    ("dravik-3", "Evening Ledger", dt.date(2031, 3, 5), "Ceasefire agreed in Halvik for besieged Dravik", (
        "The Arvenian government and the Sorran Front agreed in Halvik on Wednesday to a 72-hour ceasefire "
        "around Dravik, Quendal's foreign ministry said.",
        "Leonie Baptiste said the truce would let aid convoys reach the eastern suburbs of the capital.",
        "Ilya Marenko said his fighters would hold fire but keep their positions around Dravik.",
        "The United Nations welcomed the truce and said trucks of food were ready to move.",
    )),
    ("dravik-4", "Northern Wire", dt.date(2031, 3, 6), "Aid convoys reach Dravik as truce holds", (
        "The first aid convoys reached the eastern suburbs of Dravik on Thursday as the Halvik ceasefire held "
        "for a second day.",
        "Residents queued for bread and water in streets scarred by weeks of shelling by the Sorran Front.",
        "Arvenian officials said no violations had been recorded overnight.",
        "Talks on a lasting settlement are due to resume in Halvik on Monday, Leonie Baptiste said.",
    )),
    ("dravik-5", "Plains Review", dt.date(2031, 3, 8), "Opinion: Halvik truce gives Arvenia a chance it must not waste", (
        "The ceasefire around Dravik is fragile, and the Sorran Front has broken promises before.",
        "Yet Ilya Marenko now needs the Halvik talks as much as the Arvenian government does.",
        "Leonie Baptiste has earned the trust of both sides, and Quendal should keep her in Halvik as long as it takes.",
        "If the aid reaching the suburbs of Dravik becomes routine, the war may finally have a way out.",
    )),
)

CASSEL: tuple[Report, ...] = (
    ("cassel-1", "Coastal Herald", dt.date(2031, 3, 4), "Tesmark navy blockades Port Cassel", (
        "Warships of the Tesmark navy closed the harbour of Port Cassel on Tuesday, cutting off the Lirean "
        "island's fuel and food, port officials said.",
        "Admiral Corvin Haldane said the blockade would stay until Lirea handed over the crew of a seized patrol boat.",
        "Fishermen in Port Cassel said their boats were turned back at the harbour mouth.",
    )),
    ("cassel-2", "Evening Ledger", dt.date(2031, 3, 5), "Lirean fishermen killed as blockade tightens", (
        "Two Lirean fishermen were killed when a Tesmark patrol fired on their trawler off Port Cassel, "
        "the island's coast guard said on Wednesday.",
        "Corvin Haldane said the trawler had rammed a navy launch and ignored warning shots.",
        "Lirea called the killings murder and demanded an inquiry by the United Nations.",
    )),
    ("cassel-3", "Plains Review", dt.date(2031, 3, 6), "UN envoy Odhiambo seeks talks on Cassel blockade", (
        "The United Nations envoy Mirela Odhiambo arrived in Port Cassel on Thursday to seek talks between "
        "Tesmark and Lirea.",
        "Odhiambo met the families of the fishermen killed at sea and said the blockade must not starve the island.",
        "Admiral Haldane said his warships would let one fuel tanker into the harbour as a goodwill gesture.",
    )),
    ("cassel-4", "Northern Wire", dt.date(2031, 3, 7), "Tanker docks at Port Cassel, patrol boat crew freed", (
        "A fuel tanker docked at Port Cassel on Friday after Lirea freed the crew of the seized Tesmark patrol "
        "boat, Mirela Odhiambo said.",
        "The Tesmark navy kept its warships off the harbour but opened a lane for fishing boats.",
        "Corvin Haldane said the blockade would be reviewed if the calm lasted a week.",
    )),
)

STRAY: Report = (
    "harvest", "Farm Gazette", dt.date(2031, 3, 5), "Brenholt wheat harvest breaks record", (
        "Farmers in the Brenholt valley brought in a record wheat harvest this season, the growers' cooperative "
        "said on Wednesday.",
        "Dry weather in the autumn and new seed varieties raised yields by a fifth, cooperative chairman "
        "Aldous Pruett said.",
        "Grain prices at the Brenholt exchange fell for the third week running.",
    ),
)


def article(report: Report, published: dt.date | None = None, ident: str | None = None) -> Article:
    """An Article of one invented report, its sentences split by the app's own splitter."""
    stem, source, date, title, paragraphs = report
    text = "\n".join(paragraphs)
    return Article(
        id=ident or stem, title=title, source=source, published=published or date, text=text,
        paragraphs=paragraphs, sentences=segment(paragraphs), words=len(text.split()), path=f"{stem}.md",
    )  # fmt: skip


def articles(*reports: Report) -> list[Article]:
    return [article(r) for r in reports]


def write_pile(folder: Path, *reports: Report) -> Path:
    """The reports as Markdown files with front matter (title, source, date), as a user's folder holds them."""
    folder.mkdir(parents=True, exist_ok=True)
    for stem, source, date, title, paragraphs in reports:
        front = f'---\ntitle: "{title}"\nsource: "{source}"\ndate: "{date.isoformat()}"\n---\n\n'
        (folder / f"{stem}.md").write_text(front + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder
