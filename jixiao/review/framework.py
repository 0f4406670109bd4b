"""Review rules: framework (to be written)."""
