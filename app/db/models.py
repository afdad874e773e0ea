"""Database tables (SQLModel). GitHub ids are BigInteger; times are timezone-aware UTC."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, Column, DateTime, Float, Index, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.clock import utcnow as utcnow


def _time(nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=nullable, index=index))


class DeliveryStatus(StrEnum):
    QUEUED = "queued"
    PROCESSING = "processing"
    DONE = "done"
    FAILED = "failed"
    IGNORED = "ignored"
    # Signed and stored before the App's id and key were configured: processed once they are.
    AWAITING_CONFIG = "awaiting_config"


class AnalysisStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    SUPERSEDED = "superseded"
    FAILED = "failed"


class Installation(SQLModel, table=True):
    id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    account_login: str = Field(default="", max_length=255)
    account_type: str = Field(default="", max_length=32)
    suspended: bool = False
    created_at: datetime | None = _time()
    updated_at: datetime | None = _time()


class Repository(SQLModel, table=True):
    id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    installation_id: int | None = Field(default=None, sa_column=Column(BigInteger, index=True))
    full_name: str = Field(max_length=255, index=True)
    private: bool = False
    created_at: datetime | None = _time()


class PullRequest(SQLModel, table=True):
    __tablename__ = "pullrequest"
    __table_args__ = (UniqueConstraint("repository_id", "number", name="uq_pullrequest_repo_number"),)

    id: int | None = Field(default=None, primary_key=True)
    repository_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    number: int
    head_sha: str = Field(max_length=64, index=True)
    base_sha: str = Field(default="", max_length=64)
    head_ref: str = Field(default="", max_length=255)
    base_ref: str = Field(default="", max_length=255)
    author_login: str = Field(default="", max_length=255)
    state: str = Field(default="open", max_length=16)
    updated_at: datetime | None = _time()


class Delivery(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    delivery_id: str = Field(max_length=64, unique=True)
    event: str = Field(max_length=64)
    action: str = Field(default="", max_length=64)
    installation_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    repository_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    repo_full_name: str = Field(default="", max_length=255)
    pr_number: int | None = None
    head_sha: str = Field(default="", max_length=64)
    body: str = Field(default="", sa_column=Column(Text, nullable=False))
    status: str = Field(default=DeliveryStatus.QUEUED.value, max_length=16, index=True)
    attempts: int = 0
    last_error: str = Field(default="", sa_column=Column(Text, nullable=False))
    received_at: datetime | None = _time(index=True)
    enqueued_at: datetime | None = _time()
    started_at: datetime | None = _time()
    lease_until: datetime | None = _time()
    finished_at: datetime | None = _time()


class Analysis(SQLModel, table=True):
    """One analysis per (repository, head SHA): the anchor of exactly one check run."""

    __table_args__ = (UniqueConstraint("repository_id", "head_sha", name="uq_analysis_repo_head"),)

    id: int | None = Field(default=None, primary_key=True)
    repository_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    pr_number: int
    head_sha: str = Field(max_length=64)
    base_sha: str = Field(default="", max_length=64)
    check_run_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    status: str = Field(default=AnalysisStatus.PENDING.value, max_length=16)
    conclusion: str = Field(default="", max_length=32)
    detail: str = Field(default="", sa_column=Column(Text, nullable=False))
    lease_owner: str = Field(default="", max_length=64)
    lease_until: datetime | None = _time()
    created_at: datetime | None = _time()
    completed_at: datetime | None = _time()


class Finding(SQLModel, table=True):
    """A finding as reported on one analysis; the fingerprint links it across pushes."""

    __table_args__ = (Index("ix_finding_repo_fingerprint", "repository_id", "fingerprint"),)

    id: int | None = Field(default=None, primary_key=True)
    analysis_id: int = Field(index=True)
    repository_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    pr_number: int
    rule_id: str = Field(max_length=100)
    rule_version: int = 1
    fingerprint: str = Field(max_length=64)
    path: str = Field(sa_column=Column(Text, nullable=False))
    start_line: int
    end_line: int
    severity: str = Field(max_length=16)
    confidence: float
    placement: str = Field(default="", max_length=16)
    message: str = Field(default="", sa_column=Column(Text, nullable=False))
    status: str = Field(default="open", max_length=16)
    comment_id: int | None = Field(default=None, sa_column=Column(BigInteger))
    thread_id: str = Field(default="", max_length=128)
    created_at: datetime | None = _time()


class PackageFact(SQLModel, table=True):
    """A registry's answer about one package name, cached for every worker."""

    __tablename__ = "packagefact"
    __table_args__ = (UniqueConstraint("ecosystem", "name", name="uq_packagefact_name"),)

    id: int | None = Field(default=None, primary_key=True)
    ecosystem: str = Field(max_length=32)
    name: str = Field(max_length=255)
    payload: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    fetched_at: datetime | None = _time()


class Feedback(SQLModel, table=True):
    """One maintainer signal about one finding, append-only; a vote that counts zero is kept with weight 0.

    `label` is `useful`, `not_useful` or `reopen` (withdraws the latest dismissal of the fingerprint);
    `source_id` names what the vote came from (a comment, a reaction, a button press) and de-duplicates it.
    """

    __table_args__ = (
        UniqueConstraint("repository_id", "source_id", name="uq_feedback_source"),
        Index("ix_feedback_repo_rule", "repository_id", "rule_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    repository_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    repo_full_name: str = Field(default="", max_length=255)
    pr_number: int
    head_sha: str = Field(default="", max_length=64)
    fingerprint: str = Field(max_length=64)
    rule_id: str = Field(max_length=100)
    rule_version: int = 1
    confidence: float
    voter: str = Field(max_length=255)
    permission: str = Field(max_length=16)
    voter_is_bot: bool = False
    is_pr_author: bool = False
    channel: str = Field(max_length=32)
    label: str = Field(max_length=16)
    reason: str = Field(default="", sa_column=Column(Text, nullable=False))
    weight: float = 0.0
    source_id: str = Field(max_length=128)
    created_at: datetime | None = _time(index=True)


class CalibrationAudit(SQLModel, table=True):
    """Append-only log of every vote and command: who, with what permission, and the state it moved."""

    __tablename__ = "calibrationaudit"

    id: int | None = Field(default=None, primary_key=True)
    repository_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    voter: str = Field(max_length=255)
    permission: str = Field(max_length=16)
    channel: str = Field(max_length=32)
    reason: str = Field(default="", sa_column=Column(Text, nullable=False))
    pr_number: int
    head_sha: str = Field(default="", max_length=64)
    rule_id: str = Field(max_length=100)
    fingerprint: str = Field(default="", max_length=64)
    state_before: str = Field(default="", max_length=32)
    state_after: str = Field(default="", max_length=32)
    created_at: datetime | None = _time()


class CalibrationCell(SQLModel, table=True):
    """The learned placement shown for one (repository, rule, score bin), for the weekly hysteresis."""

    __tablename__ = "calibrationcell"
    __table_args__ = (UniqueConstraint("repository_id", "rule_id", "bin", name="uq_calibrationcell"),)

    id: int | None = Field(default=None, primary_key=True)
    repository_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    rule_id: str = Field(max_length=100)
    bin: int
    placement: str = Field(max_length=16)
    changed_at: datetime | None = _time()


class RepoBaseline(SQLModel, table=True):
    """A repository's change-history baseline (`analyzers.contract.history.RepoHistory` as JSON)."""

    __tablename__ = "repobaseline"

    repository_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    payload: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    updated_at: datetime | None = _time()


class SharedLimit(SQLModel, table=True):
    """One limit's state: a key (`installation:41`, `poll:1234:7`) and a time in seconds."""

    __tablename__ = "sharedlimit"

    key: str = Field(sa_column=Column(String(200), primary_key=True))
    at: float = Field(sa_column=Column(Float, nullable=False))
