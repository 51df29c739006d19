"""Rendering results for people: text for the terminal; JSON is the model's own dump."""
