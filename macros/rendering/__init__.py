"""Pure render functions: records -> Markdown/HTML (imports model and reading)."""
