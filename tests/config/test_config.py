"""Config: shipped defaults, lookup order, partial merge, overrides, every key documented."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path

import pytest
import yaml

from briefing.config import (
    THEMES,
    ConfigError,
    SectionSettings,
    Settings,
    config_dir,
    find_config,
    load_settings,
    user_config_path,
)
from briefing.settings import part, setting

CONFIGS = Path(__file__).resolve().parents[1] / "data" / "configs"


def test_default_yaml_matches_dataclass_defaults() -> None:
    assert load_settings() == Settings()


def test_default_yaml_documents_every_key() -> None:
    """Every setting appears in default.yaml with a comment line right above it (or above its group)."""
    text = (config_dir() / "default.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    lines = text.splitlines()
    for section in ("summary", "digest", "quotes", "brief", "conflict", "ingest", "cache", "ui"):
        cls = type(getattr(Settings(), section))
        assert set(data[section]) == {f.name for f in fields(cls)}, section
        for key in data[section]:
            at = next(i for i, line in enumerate(lines) if re.match(rf"^  {key}:", line))
            above = [line for line in lines[max(0, at - 8) : at] if line.strip()]
            assert above and any(line.strip().startswith("#") for line in above[-3:]), key
    assert "keymap" in data


def test_themes_match_textual() -> None:
    from textual.theme import BUILTIN_THEMES

    assert set(THEMES) == set(BUILTIN_THEMES)


def test_partial_file_merges_over_defaults() -> None:
    settings = load_settings(CONFIGS / "valid_partial.yaml")
    assert settings.summary.algorithm == "lsa"
    assert settings.summary.ratio == 0.25
    assert settings.summary.sentences is None  # a user ratio clears the default sentences
    assert settings.summary.max_input_sentences == 300  # untouched keys keep their defaults
    assert settings.brief.title == "Syria morning brief"
    assert settings.brief.max_words == 600
    assert settings.brief.sections == Settings().brief.sections
    assert settings.conflict.profile is None
    assert settings.conflict.escalation_cues == ("shelling", "airstrike*", "no")
    assert settings.conflict.deescalation_cues is None
    assert settings.quotes.cue_verbs == ("said", "told")
    assert settings.cache.enabled is False
    assert settings.ui.theme == "nord"
    assert settings.keymap == {"new-brief": "ctrl+n", "help": "f1,question_mark"}
    assert settings.source == CONFIGS / "valid_partial.yaml"


def test_utf8_bom_is_fine() -> None:
    assert load_settings(CONFIGS / "utf8_bom.yaml").brief.title == "Café brief"


def test_sections_replace_the_list(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "brief:\n  sections:\n    - {id: developments, heading: What happened}\n    - {id: sources, heading: Read more}\n",
        encoding="utf-8",
    )
    assert load_settings(path).brief.sections == (
        SectionSettings("developments", "What happened"),
        SectionSettings("sources", "Read more"),
    )


def test_profile_forms(tmp_path: Path) -> None:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "mine.yaml").write_text("actors: []\n", encoding="utf-8")
    path = tmp_path / "briefing.yaml"
    path.write_text("conflict:\n  profile: profiles/mine.yaml\n", encoding="utf-8")
    assert load_settings(path).conflict.profile == str((tmp_path / "profiles" / "mine.yaml").resolve())
    path.write_text("conflict:\n  profile: syria\n", encoding="utf-8")
    assert load_settings(path).conflict.profile == "syria"


def test_lookup_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert find_config() is None
    assert load_settings().source is None

    xdg = user_config_path()
    assert xdg.parent.parent == Path(__import__("os").environ["XDG_CONFIG_HOME"])
    xdg.parent.mkdir(parents=True)
    xdg.write_text("digest:\n  words: 111\n", encoding="utf-8")
    assert load_settings().digest.words == 111

    Path("briefing.yaml").write_text("digest:\n  words: 222\n", encoding="utf-8")
    assert load_settings().digest.words == 222  # ./briefing.yaml beats the user config dir

    env_file = tmp_path / "env.yaml"
    env_file.write_text("digest:\n  words: 333\n", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CONFIG", str(env_file))
    assert load_settings().digest.words == 333  # $BRIEFING_CONFIG beats ./briefing.yaml

    explicit = tmp_path / "explicit.yaml"
    explicit.write_text("digest:\n  words: 444\n", encoding="utf-8")
    assert load_settings(explicit).digest.words == 444  # --config beats everything
    assert load_settings(explicit).source == explicit


def test_env_pointing_nowhere_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_CONFIG", str(tmp_path / "missing.yaml"))
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings()


def test_overrides_beat_files_and_switch_length_kind() -> None:
    settings = load_settings(CONFIGS / "valid_partial.yaml", {"summary.algorithm": "kl", "summary.sentences": 5})
    assert settings.summary.algorithm == "kl"
    assert (settings.summary.sentences, settings.summary.ratio, settings.summary.words) == (5, None, None)
    nested = load_settings(overrides={"summary": {"words": 80}})
    assert (nested.summary.sentences, nested.summary.words) == (None, 80)
    assert load_settings(overrides={"summary.ratio": None}).summary.sentences == 3  # None = flag not given


def test_error_str_format() -> None:
    error = ConfigError("x must be y, got z", "briefing.yaml", 4, 14, "try w")
    assert str(error) == "briefing.yaml:4:14: x must be y, got z (hint: try w)"
    assert str(ConfigError("is empty", "c.yaml")) == "c.yaml: is empty"


def test_quit_anywhere_is_the_apps_priority_quit_binding() -> None:
    """The keymap check guards the binding the app really uses to quit from inside text fields."""
    from briefing.config import QUIT_ANYWHERE
    from briefing.tui.app import BriefingApp

    priority = [b for b in BriefingApp.BINDINGS if not isinstance(b, tuple) and b.priority]
    assert [(b.id, b.action) for b in priority] == [(QUIT_ANYWHERE, "request_quit")]


# --------------------------------------------------------------------------- one declaration


def test_default_yaml_is_generated_from_the_declaration() -> None:
    """Values and comments of config/default.yaml are those declared in briefing/settings.py."""
    from briefing.settings_doc import default_yaml

    shipped = (config_dir() / "default.yaml").read_text(encoding="utf-8")
    assert shipped == default_yaml(), "config/default.yaml is stale: run python -m briefing.settings_doc --write"


def test_readme_table_is_generated_from_the_declaration() -> None:
    from briefing.settings_doc import readme_with_table

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert readme == readme_with_table(readme), "README.md is stale: run python -m briefing.settings_doc --write"


@dataclass(frozen=True)
class _ToyPart:
    documented: int = setting(1, "A documented setting.", low=0, high=2)
    added_later: int = 5  # declared without setting(): no doc, no range


@dataclass(frozen=True)
class _ToyRoot:
    part: _ToyPart = part(_ToyPart, "A documented group.")
    bare: str = "x"


def test_every_setting_has_a_one_line_doc() -> None:
    from briefing.settings_doc import missing_docs

    assert missing_docs() == []
    assert missing_docs(_ToyRoot) == ["part.added_later", "bare"]  # the check does catch an undocumented field


def _sections() -> dict[str, type]:
    from briefing.settings import SECTION_CLASSES

    return dict(SECTION_CLASSES)


def test_every_number_has_a_declared_range_that_validation_applies() -> None:
    """Each number's bounds come from its declaration: the bounds load, one step past them is refused."""
    import typing

    from briefing.settings import rule_of

    checked = 0
    for section, cls in _sections().items():
        hints = typing.get_type_hints(cls)
        for item in fields(cls):
            kind = typing.get_args(hints[item.name])[0] if typing.get_args(hints[item.name]) else hints[item.name]
            if kind not in (int, float):
                continue
            rule = rule_of(item)
            assert rule is not None and rule.low is not None and rule.high is not None, item.name
            dotted = f"{section}.{item.name}"
            step = 1 if kind is int else 0.001
            top = kind(rule.high)
            assert getattr(getattr(load_settings(overrides={dotted: top}), section), item.name) == top
            with pytest.raises(ConfigError, match=rf"at most {int(rule.high)}, got"):
                load_settings(overrides={dotted: top + step})
            low = kind(rule.low) + (step if rule.low_open else 0)
            assert getattr(getattr(load_settings(overrides={dotted: low}), section), item.name) == low
            with pytest.raises(ConfigError, match=rf"^command line: {re.escape(dotted)} must be "):
                load_settings(overrides={dotted: low - step})
            checked += 1
    assert checked >= 20
