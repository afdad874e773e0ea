"""The only orchestration: a delivery's job becomes analysed, reported heads (see `pull_request`)."""
