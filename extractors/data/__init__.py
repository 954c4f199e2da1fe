"""The agency registry data (agencies.json)."""
