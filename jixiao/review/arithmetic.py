"""Review rules: arithmetic (to be written)."""
