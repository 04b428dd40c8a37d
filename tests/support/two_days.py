"""Two days of one invented story, as files: the first morning's reports, then the second's.

Written for these tests (no corpus text): a running death toll that moves from 137
to 163, two new developments in a new town, two newly quoted people.
"""

from __future__ import annotations

from pathlib import Path

DAY_ONE_REPORTS = {
    "strikes.txt": (
        "Strikes hit northern Valleria as talks stall\n\n"
        "At least 137 Palestinians have been killed in the fighting in northern Valleria since the offensive "
        "began, the Gaza Health Ministry said on Wednesday.\n\n"
        "Army units shelled the outskirts of Karsk overnight, and residents said power had been cut across the "
        "eastern districts.\n\n"
        '"We will not leave our homes," said Amira Haddad, a teacher in Karsk.\n\n'
        "Negotiators from both sides met in Geneva but adjourned without agreement on a ceasefire.\n"
    ),
    "convoys.txt": (
        "Aid convoys wait at the Karsk crossing\n\n"
        "Dozens of aid trucks were stuck at the Karsk crossing on Wednesday as inspections slowed, United "
        "Nations officials said.\n\n"
        "The World Food Programme warned that flour stocks in the north would run out within a week.\n\n"
        '"The trucks are ready, the roads are not," said Omar Saleh, a spokesman for the World Food Programme.\n'
    ),
}
DAY_TWO_REPORTS = {
    "dornau.txt": (
        "Death toll rises as shelling spreads to Dornau\n\n"
        "At least 163 Palestinians have now been killed in northern Valleria, the Gaza Health Ministry said on "
        "Thursday.\n\n"
        "Shelling spread overnight to the market town of Dornau, where a hospital was damaged and its generator "
        "destroyed.\n\n"
        '"Our wards are full and the lights are out," said Dr. Lina Farouk, the hospital\'s director.\n\n'
        "Families began leaving Dornau on foot toward the coast on Thursday morning.\n"
    ),
    "pause.txt": (
        "Mediators propose a three-day pause\n\n"
        "Egyptian mediators proposed a three-day humanitarian pause on Thursday to let the convoys through, "
        "according to two diplomats.\n\n"
        "The army said it was studying the proposal but that operations in Dornau would continue.\n\n"
        '"A pause is the least that is owed to these families," said Hassan Nour, the Egyptian envoy.\n'
    ),
}


def write_day(folder: Path, reports: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
