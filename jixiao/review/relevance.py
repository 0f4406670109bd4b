"""Review rules: relevance (to be written)."""
