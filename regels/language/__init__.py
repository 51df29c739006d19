"""The rule language: parse text to the plan model, resolve names, format back to canonical text."""
