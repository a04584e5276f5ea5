"""The templates strategy-site ships, importable as ``strategy_site.templates`` once installed
(pyproject.toml maps this folder into the package): content/ for the site's pages, theme/ for the
MkDocs theme, report/ for the completeness report."""
