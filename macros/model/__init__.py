"""The typed records of the site and the rules on them: the bottom layer, no I/O but the site's languages."""
