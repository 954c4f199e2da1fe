"""vnplan: tasks and targets out of Vietnamese administrative plans and decisions."""
__version__ = "0.1.0"
