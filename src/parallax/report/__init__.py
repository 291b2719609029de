"""The self-contained static HTML report."""
