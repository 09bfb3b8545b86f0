"""The game window: the only package that imports pygame. Nothing here runs at import time."""
