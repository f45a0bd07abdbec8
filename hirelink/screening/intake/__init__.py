"""Intake helpers: upload limits, safe archive inspection and reading, table (CSV/Excel) rows."""
