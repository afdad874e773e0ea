from tests.emulator.plugin import github, github_server

__all__ = ["github", "github_server"]
