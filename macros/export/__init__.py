"""What the site publishes besides its pages: open data, citations, the PDFs' parts."""
