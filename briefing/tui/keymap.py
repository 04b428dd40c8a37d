"""The user's keymap against the keys already taken: a remap may not hide another action.

Kept apart from the app: which keys compete is a rule of its own (the app's keys, a
screen's and the focused widget's are live together; siblings never meet).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

KeyScope = tuple[str, Sequence[type[DOMNode]]]  # (where, the node types whose keys are live together there)


def _effective_keys(node_type: type[DOMNode], keymap: dict[str, str]) -> list[tuple[str, Binding]]:
    """(key, binding) pairs of a node type once `keymap` is applied, before Textual resolves clashes."""
    pairs: list[tuple[str, Binding]] = []
    for key, group in node_type._merge_bindings().key_to_bindings.items():
        for binding in group:
            if binding.id and keymap.get(binding.id):
                pairs.extend((k, binding) for k in keymap[binding.id].split(",") if k)
            else:
                pairs.append((key, binding))
    return list(dict.fromkeys(pairs))


def _clashes(
    keymap: dict[str, str], scopes: Sequence[KeyScope]
) -> dict[tuple[str, str], tuple[Binding, Binding, str]]:
    """(binding id, key) -> (its binding, the other binding, where) for keymap keys shared with another action."""
    found: dict[tuple[str, str], tuple[Binding, Binding, str]] = {}
    for where, chain in scopes:
        by_key: dict[str, list[Binding]] = {}
        for node_type in chain:
            for key, binding in _effective_keys(node_type, keymap):
                by_key.setdefault(key, []).append(binding)
        for key, group in by_key.items():
            for mine in group:
                if not mine.id or not keymap.get(mine.id):
                    continue
                other = next((b for b in group if b.action != mine.action and b.id != mine.id), None)
                if other is not None:
                    found.setdefault((mine.id, key), (mine, other, where))
    return found


def keymap_clashes(wanted: dict[str, str], scopes: Sequence[KeyScope]) -> tuple[dict[str, str], list[str]]:
    """The keymap to apply and a message per refused key.

    A key that two actions would share in one place (the app, a screen and a widget
    on it) is refused for the user's entry: the entry's other keys still apply, and
    with none left the action keeps its own key. Refusing rather than overriding means
    a keymap can never hide an action, so quitting (`ctrl+q`, `q`) always stays possible.
    """
    applied = dict(wanted)
    messages: list[str] = []
    for _ in range(len(wanted) + 1):  # refusing one key may give another action its old key back
        found = _clashes(applied, scopes)
        if not found:
            break
        for (binding_id, key), (mine, other, where) in found.items():
            keys = [k for k in applied.get(binding_id, "").split(",") if k and k != key]
            if keys:
                applied[binding_id] = ",".join(keys)
            else:
                applied.pop(binding_id, None)
            what = other.description or other.action
            owner = f" ({other.id})" if other.id else ""
            kept = f"{binding_id} uses {', '.join(keys)}" if keys else f"{binding_id} stays on {mine.key}"
            messages.append(f"{binding_id}: {key} is already used by “{what}”{owner} on {where}; "
                            f"not applied, {kept}.")
    return applied, messages


class KeyDisplay:
    """How the key bound to a binding id is shown ("ctrl+s" -> "^s"), after the user's keymap.

    The app builds one and hands it down to its screens, so hints such as "press w
    to see why" name the key in effect without a screen calling back into the app.
    Remembered: the top bar asks on every progress step, and the keymap is set once.
    """

    def __init__(self, app: App[Any], areas: Sequence[type[DOMNode]]) -> None:
        self._app = app
        self._areas = list(areas)
        self._shown: dict[str, str] = {}

    def __call__(self, binding_id: str) -> str:
        if binding_id not in self._shown:
            self._shown[binding_id] = self._find(binding_id)
        return self._shown[binding_id]

    def clear(self) -> None:
        """Forget what was shown: the keymap changed."""
        self._shown.clear()

    def _find(self, binding_id: str) -> str:
        for node_type in self._areas:
            bindings = node_type._merge_bindings()
            bindings.apply_keymap(self._app._keymap)
            for key, group in bindings.key_to_bindings.items():
                for binding in group:
                    if binding.id == binding_id:
                        return self._app.get_key_display(Binding(key, binding.action, key_display=binding.key_display))
        return "?"


def binding_ids(node_types: Sequence[type[DOMNode]]) -> set[str]:
    """Every binding id the user may remap."""
    ids: set[str] = set()
    for node_type in node_types:
        for group in node_type._merge_bindings().key_to_bindings.values():
            ids.update(b.id for b in group if b.id)
    return ids


def checked_keymap(
    keymap: dict[str, str], known: set[str], scopes: Sequence[KeyScope],
    normalize: Callable[[Mapping[str, str]], Mapping[str, str]],
) -> tuple[dict[str, str], list[tuple[str, int]]]:
    """The user's keymap to apply, and the warnings (text, seconds shown) for what is refused.

    Unknown ids are named; a key the user gives to a second action in the same place
    would hide the first one (`add: q` would hide Quit), so such a key is not applied
    and the action keeps its old key. Freeing the key first makes it usable.
    """
    warnings: list[tuple[str, int]] = []
    unknown = sorted(set(keymap) - known)
    if unknown:
        warnings.append((f"keymap: unknown binding id(s) {', '.join(unknown)}", 8))
    applied, clashes = keymap_clashes(dict(normalize({k: v for k, v in keymap.items() if k in known})), scopes)
    warnings.extend((f"keymap: {clash}", 12) for clash in clashes)
    return applied, warnings


def describe_binding(node: DOMNode, binding_id: str, description: str) -> None:
    """Change what the footer says for one of a node's bindings (its keys stay, keymap included)."""
    changed = False
    for group in node._bindings.key_to_bindings.values():
        for i, binding in enumerate(group):
            if binding.id == binding_id and binding.description != description:
                group[i] = replace(binding, description=description)
                changed = True
    if changed:
        node.refresh_bindings()
