"""JSON Schemas of the records a run writes (document, task, target)."""
