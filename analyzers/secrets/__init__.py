"""The `secrets` family: credentials committed to the repository."""

from __future__ import annotations

from analyzers.base import Analyzer
from analyzers.secrets.secrets_env_file_added import SecretsEnvFileAdded
from analyzers.secrets.secrets_hardcoded_credential import SecretsHardcodedCredential
from analyzers.secrets.secrets_token_format import SecretsTokenFormat

RULES: tuple[type[Analyzer], ...] = (
    SecretsTokenFormat,
    SecretsHardcodedCredential,
    SecretsEnvFileAdded,
)
