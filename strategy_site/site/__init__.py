"""The MkDocs adapter: the only part of strategy-site that imports MkDocs."""
