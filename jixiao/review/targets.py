"""Review rules: targets (to be written)."""
