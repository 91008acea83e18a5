"""One module per CLI area. Each defines `register(subparsers)`; handlers are `(args, settings) -> int`.

Modules here are discovered automatically by `slate.cli`, so adding an area never edits a shared file.
"""
