"""The build's rules as plain functions, shared by hooks/, scripts/ and tests/.

Hooks import from here without touching sys.path: the build runs as
`python -m mkdocs` from the project root, which puts the root on the path.
"""
