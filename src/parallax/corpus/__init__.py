"""Cross-source passes over a stored corpus: source families, stories, merged events,
reconciled figures and outlet perspectives."""
