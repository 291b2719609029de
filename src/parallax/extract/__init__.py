"""Fact extractors that turn an analysed document into data-contract records."""
