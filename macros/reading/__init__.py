"""Reading and checking: data/*.yml, docs/ and git into the checked model (imports only model)."""
