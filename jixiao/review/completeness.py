"""Review rules: completeness (to be written)."""
