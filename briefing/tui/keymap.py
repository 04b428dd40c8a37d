"""The user's keymap against the keys already taken: a remap may not hide another action.

Kept apart from the app: which keys compete is a rule of its own (the app's keys, a
screen's and the focused widget's are live together; siblings never meet).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding

KeyScope = tuple[str, Sequence[type]]  # (where, the node types whose keys are live together there)


def _effective_keys(node_type: type, keymap: dict[str, str]) -> list[tuple[str, Binding]]:
    """(key, binding) pairs of a node type once `keymap` is applied, before Textual resolves clashes."""
    pairs = []
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
