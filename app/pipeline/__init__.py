"""The only orchestration: a delivery's job becomes analysed, reported heads and answered commands.

- `router`: the one place that routes every job to its step;
- `pull_request`: the story of one pull request at a head (prepare → analyse → place → publish →
  record → report);
- `feedback`: a command, a resolved thread or a button answered;
- `reactions`: the one reaction poll.

These modules open the database sessions and the GitHub client and pass them, or plain data, down.
"""
