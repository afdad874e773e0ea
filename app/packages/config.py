"""Where the registries are and how patiently to ask them."""

from __future__ import annotations

from analyzers.record import record

DEFAULT_PYPI_URL = "https://pypi.org"
DEFAULT_NPM_URL = "https://registry.npmjs.org"
DEFAULT_OSV_URL = "https://api.osv.dev"


@record
class RegistryConfig:
    """Base URLs (mirrors and air-gapped installs point these elsewhere), a timeout per request in
    seconds, the number of requests in flight at once, and `offline` to make no request at all."""

    pypi_url: str = DEFAULT_PYPI_URL
    npm_url: str = DEFAULT_NPM_URL
    osv_url: str = DEFAULT_OSV_URL
    timeout: float = 10.0
    concurrency: int = 8
    offline: bool = False

    def __post_init__(self) -> None:
        if self.timeout <= 0:
            raise ValueError("registry timeout must be positive")
        if self.concurrency < 1:
            raise ValueError("registry concurrency must be at least 1")
