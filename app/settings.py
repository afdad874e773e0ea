"""One typed Settings object, read from the environment and `.env` once at start-up and passed down."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, model_validator
from pydantic_core import ErrorDetails
from pydantic_settings import BaseSettings, SettingsConfigDict

from analyzers.budget import Budget
from app.analysis_limits import AnalysisLimits
from app.settings_error import SettingsError as SettingsError

_LIMITS = AnalysisLimits()
_PLACEHOLDERS = frozenset({"", "changeme", "change-me", "secret", "placeholder", "xxx", "todo"})
MAX_BODY_BYTES = 25 * 1024 * 1024  # GitHub never delivers payloads over 25 MB


class Settings(BaseSettings):
    """Every setting Bulwark reads. Environment variables are the field names prefixed `BULWARK_`."""

    model_config = SettingsConfigDict(
        env_prefix="BULWARK_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    app_id: int | None = None
    private_key: SecretStr | None = None  # PEM text, or a path to a PEM file
    webhook_secret: SecretStr | None = None
    client_id: str | None = None
    client_secret: SecretStr | None = None
    app_slug: str = "bulwark"
    github_url: str = "https://github.com"
    github_api_url: str = "https://api.github.com"
    database_url: str = "sqlite:///./bulwark.db"
    redis_url: str | None = None  # set: the queue is RedisHuey; unset: SqliteHuey beside the database
    queue_path: str | None = None  # SqliteHuey file; default: beside the SQLite database
    queue_name: str = "bulwark"  # the Redis key prefix (one per deployment)
    environment: Literal["development", "production"] = "development"
    workers: int = Field(default=2, ge=1, le=64)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["json", "text"] = "json"
    lease_seconds: int = Field(default=300, ge=5)  # a job older than this is presumed dead
    sweep_seconds: float = Field(default=30.0, gt=0)  # how often workers look for lost deliveries
    max_attempts: int = Field(default=5, ge=1)
    redelivery_seconds: float = Field(default=600.0, ge=0)  # missed-delivery check period; 0: off
    reaction_poll_seconds: float = Field(default=900.0, ge=0)  # 👍/👎 polling of open PRs (0: only on events)
    reaction_poll_pr_seconds: float = Field(
        default=300.0, ge=0
    )  # least time between event-driven polls of a PR
    redelivery_max_pages: int = Field(default=10, ge=1)  # pages of 100 deliveries read per check
    redelivery_max_requests: int = Field(default=50, ge=1)  # redeliveries asked for per check
    redelivery_max_attempts: int = Field(default=3, ge=1)  # redeliveries asked for per delivery
    installation_concurrency: int = Field(default=4, ge=1)  # concurrent jobs per installation
    installation_jobs_per_minute: int = Field(default=60, ge=1)  # job starts per installation (all processes)
    # bytes of webhook bodies held (per web process) before their signature is checked
    unverified_body_bytes: int = Field(default=32 * 1024 * 1024, ge=MAX_BODY_BYTES)
    github_timeout: float = Field(default=30.0, gt=0)
    max_files: int = Field(default=3000, ge=1)
    # The bounds of an analysis (`app.analysis_limits`, which `bulwark scan` reads alone).
    max_file_bytes: int = Field(default=_LIMITS.max_file_bytes, ge=1)
    max_lockfile_bytes: int = Field(default=_LIMITS.max_lockfile_bytes, ge=1)  # read by linear readers
    max_yaml_bytes: int = Field(default=_LIMITS.max_yaml_bytes, ge=1)  # read document by document
    analysis_rule_seconds: float = Field(default=_LIMITS.analysis_rule_seconds, gt=0)
    analysis_file_seconds: float = Field(default=_LIMITS.analysis_file_seconds, gt=0)
    analysis_file_total_seconds: float = Field(default=_LIMITS.analysis_file_total_seconds, gt=0)
    analysis_total_seconds: float = Field(default=_LIMITS.analysis_total_seconds, gt=0)
    max_fetch_bytes: int = Field(default=50_000_000, ge=1)  # blob bytes fetched per pull request
    webhook_proxy_url: str | None = None  # smee-style relay for local development
    public_url: str | None = None  # this server's external URL (default: the URL a request came in on)
    docs_url: str | None = None  # where rule links point (a base, or a template with {id}); default /rules/
    env_path: str = ".env"  # where the setup page writes the App's credentials
    session_secret: SecretStr | None = None  # seals dashboard cookies (development: from the client secret)
    pypi_url: str = "https://pypi.org"
    npm_url: str = "https://registry.npmjs.org"
    osv_url: str = "https://api.osv.dev"
    registry_timeout: float = Field(default=10.0, gt=0)
    registry_concurrency: int = Field(default=8, ge=1)
    # the installation's not-useful rate above which cells with no votes of their own are annotated
    # (`app.learning.calibration.budget`); unset: off, the default placement and the pool decide
    calibration_noise_budget: float | None = Field(default=None, gt=0, lt=1)
    registry_offline: bool = False  # no registry look-ups (the check run says which checks did not run)

    @model_validator(mode="after")
    def _refuse_placeholders_in_production(self) -> Settings:
        if self.environment != "production":
            return self
        required = ["app_id", "private_key", "webhook_secret"]
        if self.client_id:  # the dashboard signs people in: its session key must be its own
            required.append("session_secret")
        for name in required:
            value = getattr(self, name)
            text = value.get_secret_value() if isinstance(value, SecretStr) else value
            if text is None or str(text).strip().lower() in _PLACEHOLDERS:
                raise SettingsError(
                    f"BULWARK_{name.upper()} is empty or a placeholder; production refuses to start"
                )
        return self

    def budget(self) -> Budget:
        """The time budgets of an analysis (`BULWARK_ANALYSIS_*_SECONDS`)."""
        return AnalysisLimits(
            max_file_bytes=self.max_file_bytes,
            max_lockfile_bytes=self.max_lockfile_bytes,
            max_yaml_bytes=self.max_yaml_bytes,
            analysis_rule_seconds=self.analysis_rule_seconds,
            analysis_file_seconds=self.analysis_file_seconds,
            analysis_file_total_seconds=self.analysis_file_total_seconds,
            analysis_total_seconds=self.analysis_total_seconds,
        ).budget()

    @property
    def has_credentials(self) -> bool:
        return bool(self.app_id and self.private_key and self.webhook_secret)

    def private_key_pem(self) -> str:
        """The App's private key as PEM text (the setting holds the text or a path to it)."""
        if self.private_key is None:
            raise SettingsError("BULWARK_PRIVATE_KEY is not set")
        value = self.private_key.get_secret_value().strip()
        if value.startswith("-----BEGIN"):
            return value.replace("\\n", "\n") + "\n"
        path = Path(value).expanduser()
        if not path.is_file():
            raise SettingsError("BULWARK_PRIVATE_KEY is neither PEM text nor a readable file")
        return path.read_text(encoding="utf-8")

    def sqlite_queue_path(self) -> str:
        if self.queue_path:
            return self.queue_path
        if self.database_url.startswith("sqlite:///"):
            db_path = Path(self.database_url.removeprefix("sqlite:///"))
            return str(db_path.with_name(db_path.stem + "-queue.db"))
        return "./bulwark-queue.db"


def load_settings(**overrides: object) -> Settings:
    """Build the settings once at start-up; a bad value raises SettingsError naming the variable.

    The message is Bulwark's own, made from each error's location and kind: pydantic's message would
    quote the input (`input_value={'webhook_secret': 'Sup3r...'}`), and the input holds the secrets.
    Nothing is chained either, so a traceback shows no more than the message.
    """
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(_problem(error) for error in exc.errors(include_url=False, include_input=False))
        raise SettingsError(problems or "the settings are invalid") from None
    except SettingsError as exc:
        raise SettingsError(str(exc)) from None
    except ValueError:
        raise SettingsError("the settings could not be read (a value in the environment or .env)") from None


def _problem(error: ErrorDetails) -> str:
    """One validation error in words: the variable it is about and what is wrong, never the value."""
    name = str(error["loc"][0]) if error.get("loc") else ""
    message = error.get("msg", "invalid")
    if error.get("type") == "value_error":  # our own validators' messages, which name their variable
        return message.removeprefix("Value error, ")
    known = name in Settings.model_fields
    variable = f"BULWARK_{name.upper()}" if known else "a setting"
    return f"{variable}: {message}"
