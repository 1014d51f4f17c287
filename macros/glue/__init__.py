"""The only code that knows mkdocs-macros: registers the page macros, one checked SiteData per build."""
