"""The read-only REST API over a Parallax store (FastAPI)."""
