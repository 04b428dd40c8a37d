"""`conflict.profile: auto`: a shipped profile labels actors only in articles about its conflict.

Every text here is invented for the test; none is copied from a news sample.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.config import ConflictSettings, load_settings
from briefing.models import Article, ConflictStatus
from briefing.status.build import build_status
from briefing.status.profile import ProfileError, load_profile
from support.article_text import article_from_text

AUTO = ConflictSettings(profile="auto")


def _article(text: str, ident: str) -> Article:
    return article_from_text(text, ident, dt.date(2024, 4, 8))


def _sides(status: ConflictStatus) -> dict[str, str]:
    return {a.name: a.side for a in status.actors}


UKRAINE = (
    "Russian troops shelled Kharkiv overnight, Ukraine's army said. Russia denied the attack.\n"
    "The Kremlin said talks with Ukraine were not planned. U.S. officials condemned the shelling."
)
HUNGARY = (
    "Hungary closed its border with Serbia. Hungarian police detained migrants near Roszke.\n"
    "Many of the migrants said they had fled Syria. Hungary said Serbia must register them.\n"
    "Croatia and Serbia argued over the crossing. Hungary built a fence along the border with Serbia."
)
SYRIA = (
    "Syrian government forces shelled rebel positions near Aleppo, the opposition said.\n"
    "Russia said its jets struck Islamic State targets in Syria. The Syrian army advanced on Palmyra."
)


def test_auto_leaves_other_wars_unlabelled() -> None:
    status = build_status([_article(UKRAINE, "u1"), _article(UKRAINE.replace("Kharkiv", "Sumy"), "u2")], AUTO)
    sides = _sides(status)
    assert "Russia" in sides and set(sides.values()) <= {"unknown", "media"}, sides


def test_auto_ignores_a_passing_mention_of_the_profiles_country() -> None:
    sides = _sides(build_status([_article(HUNGARY, "h1")], AUTO))
    assert sides and set(sides.values()) <= {"unknown", "media"}, sides  # Hungary is named more than Syria


def test_auto_applies_the_profile_to_its_own_conflict() -> None:
    sides = _sides(build_status([_article(SYRIA, "s1"), _article(UKRAINE, "u1"), _article(SYRIA, "s2")], AUTO))
    assert sides.get("Syrian army") == "government" and sides.get("Russia") == "government_ally", sides


def test_auto_needs_a_share_of_the_articles() -> None:
    arts = [_article(SYRIA, "s1")] + [_article(UKRAINE.replace("Kharkiv", t), t) for t in ("Sumy", "Lviv", "Kyiv")]
    assert set(_sides(build_status(arts, AUTO)).values()) <= {"unknown", "media"}


def test_generic_aliases_stay_unlabelled_without_the_profile() -> None:
    text = "Opposition leader Dan Meron said the rocket fire must stop. The Americans want talks with Israel."
    status = build_status([_article(text, "g1")], AUTO)
    names = {a.name for a in status.actors}
    assert "Syrian opposition" not in names and set(_sides(status).values()) <= {"unknown", "media"}


def test_a_named_profile_is_always_applied() -> None:
    sides = _sides(build_status([_article(UKRAINE, "u1")], ConflictSettings(profile="syria")))
    assert sides.get("Russia") == "government_ally"  # the user asked for it


def test_auto_is_the_default_and_validates(tmp_path: Path) -> None:
    assert ConflictSettings().profile == "auto" and load_settings().conflict.profile == "auto"
    path = tmp_path / "briefing.yaml"
    path.write_text("conflict:\n  profile: auto\n", encoding="utf-8")
    assert load_settings(path).conflict.profile == "auto"


def test_applies_to_is_validated(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: X\napplies_to:\n  countries: []\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="applies_to.countries"):
        load_profile(str(bad))
    bad.write_text("name: X\napplies_to:\n  countries: [Chad]\n  min_share: 2\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="min_share"):
        load_profile(str(bad))
    shipped = load_profile("syria")
    assert shipped is not None and shipped.applies_to is not None and "Syria" in shipped.applies_to.countries


def test_a_namesake_town_alone_or_half_the_articles_is_not_enough() -> None:
    town = "Palmyra, New York, held its fair. Farmers from Palmyra showed cattle at the Palmyra grounds."
    assert set(_sides(build_status([_article(town, "p1"), _article(town, "p2")], AUTO)).values()) <= {
        "unknown", "media"}  # fmt: skip
    half = [_article(SYRIA, "s1"), _article(UKRAINE, "u1")]
    assert _sides(build_status(half, AUTO)).get("Russia") in ("unknown", None)
