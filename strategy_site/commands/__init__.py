"""The commands, one module each: the CLI parses the arguments and calls ``run``.

A command never imports the CLI, and returns an exit status: 0 when all is well, 1 when the
documents have problems (or a gate such as --fail-under is not met), 2 when it could not run.
"""
