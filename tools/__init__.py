"""Command-line tools for people who build and publish the site."""
