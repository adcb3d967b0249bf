"""parley's interface: the Textual dashboard and the `parley` command line.

It reads and writes only through `store.api`; it never touches TinyDB and never extracts.
"""
