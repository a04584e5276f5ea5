"""The judges of the report's measures, one module per area; the measures are declared in
strategy_site/report/measures.py."""
