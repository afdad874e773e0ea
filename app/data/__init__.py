"""The data sets `bulwark data show|update` knows by name, and the refreshers of the GitHub Actions facts."""
