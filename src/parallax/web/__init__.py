"""The browser UI: static assets served by the API and inlined into the report."""
