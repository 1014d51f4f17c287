"""The typed records of the site and the rules on them: the bottom layer, no I/O but the site's languages and the build's settings (settings.py, the one reader of the environment)."""
