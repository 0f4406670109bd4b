"""Review rules: narrative (to be written)."""
