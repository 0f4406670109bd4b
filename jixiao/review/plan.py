"""Review rules: plan (to be written)."""
