"""Review rules: basis (to be written)."""
