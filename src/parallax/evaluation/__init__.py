"""Scorers that measure the extractors against public annotated corpora."""
