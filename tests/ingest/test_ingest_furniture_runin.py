"""Furniture run into a paragraph: live-blog stamps, bracketed link prompts, run-in subheads
and galleries too long for the length caps (ingest/furniture_inline.py)."""

from __future__ import annotations

import pytest

from briefing.ingest.furniture_inline import strip_inline


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (
            "THE LATEST \u2014 4:05 p.m. ET: The mayor met the governor of Halvik on Sunday.",
            "The mayor met the governor of Halvik on Sunday.",
        ),
        (
            "11:40 a.m. EST: Talks resumed in Port Cassel. \u2014 9:15 a.m. ET: The border crossing reopened.",
            "Talks resumed in Port Cassel. The border crossing reopened.",
        ),
        (
            "Harbour delay - The Tesmark minister asked for a second vote on the blockade.",
            "The Tesmark minister asked for a second vote on the blockade.",
        ),
        (
            "DOWN TO THE WIRE - The Harbour Gazette: The Tesmark minister asked for a second vote.",
            "The Tesmark minister asked for a second vote.",
        ),
        (
            "A SHOT ACROSS THE BOW -- Talks on the blockade resumed in Halvik on Sunday.",
            "Talks on the blockade resumed in Halvik on Sunday.",
        ),
        (
            "The port reopened. [Watch NEWS: Sen. Dravik discusses the blockade in the 9 a.m. hour] "
            "Ships queued at the gate.",
            "The port reopened. Ships queued at the gate.",
        ),
    ],
)
def test_run_in_furniture_is_cut(raw: str, clean: str) -> None:
    assert strip_inline(raw)[0] == clean


@pytest.mark.parametrize(
    "line",
    [
        "At 4:05 p.m. ET: the vote was called, the clerk said.",  # a time in the sentence
        "The latest figures show 12 dead in Halvik.",
        "The case of Halvik \u2013 Dravik's old ally \u2013 is worth recalling.",  # parenthesis
        "New York - The mayor met the governor on Sunday.",  # a dateline, every word capitalised
        "Port of Spain - The mayor met the governor on Sunday.",
        "HALVIK - The mayor met the governor on Sunday.",
        "NEW YORK - The mayor met the governor on Sunday.",  # datelines in capitals: left to the datelines
        "PORT OF SPAIN - The mayor met the governor on Sunday.",
        "THE HAGUE - The court met on Sunday.",
        "NATO ALLIES MEET - The ministers met on Sunday.",  # no small word: not surely a kicker
        "Halvik, Arvenia - The mayor met the governor on Sunday.",
        "The minister said [the blockade] would end on Friday.",  # an editor's bracket
        "Rebels seized the bridge - a blow to the army.",  # a dash in prose
    ],
)
def test_near_misses_stay(line: str) -> None:
    assert strip_inline(line)[0] == line


def test_a_gallery_longer_than_the_caps_goes_whole() -> None:
    caption = "Hide Caption {n} of 400 Photos: War in Halvik Fighters rest in a ruined house on Saturday. "
    gallery = "Photos: War in Halvik Photos: War in Halvik " + "".join(caption.format(n=n) for n in range(1, 400))
    assert len(gallery) > 20_000
    assert strip_inline(gallery)[0] == ""
    long_prose = "Photos: the word opens a long block of prose. " + "The talks went on. " * 1_200
    assert strip_inline(long_prose)[0] != ""
