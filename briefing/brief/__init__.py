"""The one-page brief: model, rendering, budget, atomic save, drafts, automatic brief (no Textual)."""
