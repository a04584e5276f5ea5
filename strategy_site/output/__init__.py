"""Formatters: findings in, text out. One module per output format."""
