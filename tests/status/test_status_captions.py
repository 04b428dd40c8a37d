"""Photo captions, galleries and video widgets are not the report: no figures, events or cues come from them.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import datetime as dt

from briefing.config import ConflictSettings
from briefing.status.build import build_status
from briefing.status.captions import caption_paragraph, caption_sentences
from support.article_text import article_from_text

NO_PROFILE = ConflictSettings(profile=None)


def test_gallery_and_widget_paragraphs_are_captions() -> None:
    assert caption_paragraph("Photos: Border crisis Residents queue for water in Varna. Hide Caption 3 of 40")
    assert caption_paragraph("JUST WATCHED Shelling near the river Replay More Videos ... MUST WATCH Shelling 02:11")
    assert caption_paragraph("Enlarge this image toggle caption Ana Pereira/AFP/Getty Images")


def test_a_paragraph_ending_in_a_photo_credit_is_a_caption() -> None:
    assert caption_paragraph("Smoke rises over the depot after the strike. (AP Photo/Jan Novak)")
    assert caption_paragraph("Medics carry a stretcher near the market.( Omar Haddad/XY via AP )")


def test_the_wire_caption_dateline_is_a_caption() -> None:
    assert caption_paragraph("Families shelter in a school in Lindor, Tuesday, March 5, 2024. Two people were hurt.")


def test_reporting_prose_is_not_a_caption() -> None:
    assert not caption_paragraph("On Tuesday, March 5, 2024, two people were hurt in Lindor, officials said.")
    assert not caption_paragraph("The army (which denies the claim) said 12 soldiers were wounded.")
    assert not caption_paragraph("Photographs of the site were shared widely, the ministry said.")


def test_caption_numbers_are_no_figures_and_caption_cues_no_evidence() -> None:
    article = article_from_text(
        "Medics said three people were wounded in Lindor on Monday.\n"
        "Residents flee the shelling in Varna on Friday, Feb. 9, 2024. At least 40 people were killed there. "
        "The ceasefire collapsed. (AP Photo/Jan Novak)",
        "a", dt.date(2024, 3, 5),
    )
    assert caption_sentences(article) == frozenset(s.index for s in article.sentences if s.paragraph == 1)
    status = build_status([article], NO_PROFILE)
    assert {(f.kind, f.value) for f in status.figures} == {("injured", 3)}
    assert status.ceasefire.state == "none"
    assert not any("Varna" in e.text for e in status.timeline)


def test_a_file_photo_caption_is_a_caption() -> None:
    assert caption_paragraph("FILE - In this Monday, May 6, 2024, file photo, the envoy talks to reporters in Varna.")
    assert caption_paragraph("In this photo taken on Sunday, smoke rises over the river port.")
    assert not caption_paragraph("In this town, photographs of the dead hang on every wall.")
