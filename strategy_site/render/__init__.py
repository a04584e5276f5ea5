"""Turn a modelled project into site pages (Markdown), independent of any site engine."""
