"""Every broken or hostile config file in tests/data/configs/ is refused with file, line,
column and a useful message; nothing raises anything but ConfigError, nothing hangs."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from briefing.config import ConfigError, load_settings

CONFIGS = Path(__file__).resolve().parents[1] / "data" / "configs"

# file -> (line, column, fragments the message must contain); None = no position applies
CASES: dict[str, tuple[int | None, int | None, tuple[str, ...]]] = {
    "negative_sentences.yaml": (4, 14, ("summary.sentences must be a positive integer, got -3",)),
    "unknown_key.yaml": (3, 3, ("unknown setting summary.sentense", "did you mean 'sentences'")),
    "unknown_section.yaml": (3, 1, ("unknown setting sumary", "did you mean 'summary'")),
    "misplaced_key.yaml": (3, 1, ("unknown setting sentences", "summary.sentences")),
    "wrong_type.yaml": (2, 8, ("quotes.max must be a whole number", "'ten'")),
    "float_for_int.yaml": (3, 10, ("digest.words must be a positive integer, got 150.5",)),
    "out_of_range.yaml": (2, 10, ("summary.ratio must be more than 0 and at most 1, got 1.5",)),
    "two_lengths.yaml": (3, 3, ("summary.ratio and summary.words are both set",)),
    "yaml11_bool_string.yaml": (2, 10, ("ui.theme", "boolean false", 'quotes ("no")')),
    "yaml11_bool_number.yaml": (2, 14, ("brief.max_words must be a positive integer", "boolean true")),
    "yaml11_bool_for_bool.yaml": (2, 12, ("cache.enabled must be true or false, got 'on'",)),
    "yaml11_bool_in_list.yaml": (4, 7, ("conflict.escalation_cues[1] must be text", "boolean false")),
    "alias_bomb.yaml": (1, 4, ("anchors and aliases",)),
    "alias_merge.yaml": (1, 10, ("anchors and aliases",)),
    "duplicate_key.yaml": (4, 3, ("duplicate key summary.sentences", "first set on line 2")),
    "duplicate_section.yaml": (5, 1, ("duplicate key brief", "first set on line 1")),
    "syntax_error.yaml": (4, 6, ("YAML syntax error", "starts on line 3")),
    "bad_indent.yaml": (3, 2, ("YAML syntax error",)),
    "top_level_list.yaml": (1, 1, ("top level must be a mapping", "got a list")),
    "top_level_scalar.yaml": (1, 1, ("top level must be a mapping", "single value")),
    "empty.yaml": (None, None, ("contains no settings (the file is empty)",)),
    "comments_only.yaml": (None, None, ("contains no settings, only comments",)),
    "section_not_mapping.yaml": (1, 10, ("summary must be a mapping of settings, got 3",)),
    "bad_section_id.yaml": (5, 7, ("brief.sections[1].id must be one of", "did you mean 'developments'")),
    "duplicate_section_id.yaml": (5, 7, ("'notes' appears twice",)),
    "unknown_profile.yaml": (2, 12, ("conflict.profile 'narnia' is not a shipped profile", "syria")),
    "unknown_algorithm.yaml": (2, 14, ("summary.algorithm must be one of", "did you mean 'lexrank'")),
    "bad_keymap.yaml": (3, 9, ("keymap.quit must be a key", "'ctrl q'")),
    "keymap_no_quit.yaml": (3, 13, ("keymap.quit-now", "'x' is typed as text", "ctrl+q")),
    "keymap_typed_quit.yaml": (2, 13, ("keymap.quit-now", "'x' is typed as text")),
    "null_required.yaml": (2, 9, ("brief.title must be text, got nothing (null)",)),
    "null_length.yaml": (3, 14, ("no summary length is left",)),
    "octal_integer.yaml": (2, 10, ("number '010' is not written in plain decimal",)),
    "python_tag.yaml": (2, 14, ("YAML tag 'tag:yaml.org,2002:python/name:os.system' is not allowed",)),
    "python_object_apply.yaml": (2, 14, ("YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",)),
    "tagged_section.yaml": (2, 10, ("YAML tag 'tag:yaml.org,2002:python/object:collections.OrderedDict' is not",)),
    "two_documents.yaml": (4, 1, ("YAML syntax error", "expected a single document")),
    "nan_ratio.yaml": (2, 10, ("summary.ratio must be a number, got .nan",)),
    "timestamp_for_text.yaml": (2, 10, ("brief.title must be text, got 2016-03-14",)),
    "bad_language.yaml": (2, 13, ("summary.language 'klingon' has no sentence model",)),
    "huge_integer.yaml": (2, 10, ("far too large", "5000 digits")),
    "binary.yaml": (None, None, ("is a binary file, not YAML",)),
    "not_utf8.yaml": (2, None, ("is not UTF-8 text", "0xe9")),
    "deep_nesting.yaml": (1, 59, ("nested too deeply", "more than 50 levels")),
    "control_chars.yaml": (2, 12, ("character not allowed in YAML (U+001B)",)),
    "control_escape.yaml": (2, 10, ("brief.title contains control",)),
}


def test_every_fixture_has_a_case() -> None:
    valid = {"valid_partial.yaml", "utf8_bom.yaml"}
    assert {p.name for p in CONFIGS.glob("*.yaml")} == set(CASES) | valid


@pytest.mark.parametrize("name", sorted(CASES))
def test_refused_with_position(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line, column, fragments = CASES[name]
    shutil.copy(CONFIGS / name, tmp_path / "briefing.yaml")
    monkeypatch.chdir(tmp_path)
    start = time.process_time()
    with pytest.raises(ConfigError) as caught:
        load_settings()  # found as ./briefing.yaml, shown by that name
    assert time.process_time() - start < 5
    error = caught.value
    assert error.file == "briefing.yaml"
    assert (error.line, error.column) == (line, column), str(error)
    for fragment in fragments:
        assert fragment in str(error)
    position = "".join(f":{n}" for n in (line, column) if n is not None)
    assert str(error).startswith(f"briefing.yaml{position}: ")
    assert "Traceback" not in str(error)


def test_design_example_message(tmp_path: Path) -> None:
    path = tmp_path / "briefing.yaml"
    path.write_text("# comment\nsummary:\n  algorithm: lexrank\n  sentences: -3\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert caught.value.line == 4
    assert "summary.sentences must be a positive integer, got -3" in str(caught.value)


def test_alias_bomb_is_refused_before_expansion() -> None:
    start = time.process_time()
    with pytest.raises(ConfigError):
        load_settings(CONFIGS / "alias_bomb.yaml")
    assert time.process_time() - start < 1


def test_missing_directory_and_oversized_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.yaml")
    with pytest.raises(ConfigError, match="not a regular file"):
        load_settings(tmp_path)
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * 1_100_000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="too large"):
        load_settings(big)


def test_unreadable_file(tmp_path: Path) -> None:
    import os

    path = tmp_path / "secret.yaml"
    path.write_text("summary:\n  sentences: 2\n", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that ignore file modes")
        with pytest.raises(ConfigError, match="cannot be read"):
            load_settings(path)
    finally:
        path.chmod(0o600)


def test_profile_path_must_exist(tmp_path: Path) -> None:
    path = tmp_path / "briefing.yaml"
    path.write_text("conflict:\n  profile: profiles/mine.yaml\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert caught.value.line == 2
    assert str(tmp_path / "profiles" / "mine.yaml") in str(caught.value)


def test_bad_overrides_name_the_command_line() -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(overrides={"summary.sentences": -3})
    assert str(caught.value) == "command line: summary.sentences must be a positive integer, got -3"
    with pytest.raises(ConfigError, match="did you mean"):
        load_settings(overrides={"summary.algorithm": "lexrnk"})


def test_control_characters_in_names_are_shown_not_emitted(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b]0;pwned\x07.yaml"
    path.write_text('summary:\n  "bad\\e[31mkey": 3\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    text = str(caught.value)
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b" in text and "unknown setting summary.bad" in text


@pytest.mark.parametrize(
    "opening, closing",
    [("[" * 10_000, "]" * 10_000), ("{a: " * 10_000 + "1", "}" * 10_000), ("\n    " + "- " * 10_000 + "x", "")],
    ids=["flow-lists", "flow-mappings", "block-lists"],
)
def test_ten_thousand_levels_name_the_line(opening: str, closing: str, tmp_path: Path) -> None:
    """Deep nesting is refused where it starts to be absurd, with a position, not by a RecursionError."""
    path = tmp_path / "deep.yaml"
    path.write_text(f"# deep\nsummary:\n  sentences: {opening}{closing}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert caught.value.line in (3, 4), str(caught.value)
    assert caught.value.column is not None
    assert "nested too deeply" in str(caught.value)


def test_deep_nesting_through_the_command_line_is_one_line(tmp_path: Path) -> None:
    from io import StringIO

    from briefing.cli import main

    path = tmp_path / "deep.yaml"
    path.write_text("summary: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    out, err = StringIO(), StringIO()
    assert main(["--config", str(path), "analyze", str(tmp_path)], out, err) != 0
    assert err.getvalue().strip() == f"error: {path}:1:59: a value is nested too deeply to be a config file " \
        "(more than 50 levels of lists or mappings)"


@pytest.mark.parametrize("tag", ["!!set", "!!omap", "!local", "!!python/tuple", "!!binary"])
def test_every_unknown_tag_is_named(tag: str, tmp_path: Path) -> None:
    value = {"!!set": "{lead: null}", "!!omap": "[a: 1]", "!!binary": "aGVsbG8="}.get(tag, "[lead]")
    path = tmp_path / "briefing.yaml"
    path.write_text(f"summary:\n  algorithm: {tag} {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert (caught.value.line, caught.value.column) == (2, 14)
    assert "YAML tag" in str(caught.value) and "is not allowed" in str(caught.value)


@pytest.mark.parametrize("tag", ["!!str", "!", "!!map"])
def test_plain_tags_still_work(tag: str, tmp_path: Path) -> None:
    path = tmp_path / "briefing.yaml"
    body = "{title: Morning}" if tag == "!!map" else "Morning"
    section = f"brief: {tag} {body}\n" if tag == "!!map" else f"brief:\n  title: {tag} {body}\n"
    path.write_text(section, encoding="utf-8")
    assert load_settings(path).brief.title == "Morning"


@pytest.mark.parametrize("keys", ["ctrl+w", "f10", "alt+x,ctrl+q", "ctrl+shift+q"])
def test_quit_anywhere_may_move_to_another_untyped_key(keys: str, tmp_path: Path) -> None:
    path = tmp_path / "briefing.yaml"
    path.write_text(f"keymap:\n  quit: x\n  quit-now: {keys!r}\n", encoding="utf-8")
    assert load_settings(path).keymap == {"quit": "x", "quit-now": keys}


@pytest.mark.parametrize("keys", ["escape", "enter", "space", "ctrl+i", "ctrl+m", "shift+a", "question_mark"])
def test_quit_anywhere_refuses_typing_and_editing_keys(keys: str, tmp_path: Path) -> None:
    path = tmp_path / "briefing.yaml"
    path.write_text(f"keymap:\n  quit-now: {keys}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert (caught.value.line, caught.value.column) == (2, 13)
    assert f"'{keys}'" in str(caught.value)
