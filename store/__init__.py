"""parley's data layer: extraction from articles, the derived corpus store and the notes store.

Nothing here imports the interface (a test keeps it so) and nothing heavy runs at import time.
"""
