"""deps-lockfile-drift: manifests and lockfiles that no longer agree, or lockfiles weakened."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.supply_chain.declared import DependencyFile
from analyzers.supply_chain.dependencies import dependency_file
from analyzers.supply_chain.facts import line_text
from analyzers.supply_chain.indexes import DEFAULT_REGISTRY_HOSTS, is_default_registry, registry_host
from analyzers.supply_chain.manifests import lockfiles_of, manifest_of


class DepsLockfileDrift(Analyzer):
    """A manifest and its lockfile out of step, integrity hashes dropped, or a registry switched.

    ## What it flags

    - a manifest whose dependencies changed while its lockfile (present on the base branch) did
      not: `package.json` without `package-lock.json`/`yarn.lock`/`pnpm-lock.yaml`,
      `pyproject.toml` without `poetry.lock`/`uv.lock`, `Cargo.toml`, `Gemfile`, `composer.json`,
      `go.mod` likewise;
    - a lockfile whose record of its manifest changed (npm's root package entry, poetry's
      `content-hash`) while the manifest did not;
    - a lockfile entry (or hashed requirement) that had an integrity hash and lost it;
    - an index or registry that is not the ecosystem's default, added to a manifest
      (`--index-url`, `--extra-index-url`, `[[tool.uv.index]]`, Pipfile `[[source]]`, Gemfile
      `source`, composer `repositories`) or newly resolved from in a lockfile.

    ## Why it is risky

    The lockfile is what CI and production install. A manifest change without it means reviewers
    read one set of dependencies and machines install another; a lockfile edited without its
    manifest can smuggle in a package nobody asked for. Dropped hashes let a tampered archive
    install silently, and a switched index lets another server answer for every package name
    (dependency confusion).

    ## Example

    ```diff
     # package-lock.json
       "node_modules/left-pad": {
         "version": "1.3.0",
         "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
    -    "integrity": "sha512-…"
       }
    ```

    ## How to fix

    Regenerate the lockfile with the package manager (`npm install`, `poetry lock`, `uv lock`,
    `cargo update -p`, `bundle lock`) and commit it with the manifest. Keep integrity hashes.
    Declare private indexes in the repository policy and scope them to the packages they serve.

    ## Tuning

    The rule knows a lockfile exists when the change touches it or when the context carries its
    base side (the worker asks for the paths `base_paths_for` names).
    Default registries: PyPI, npm, Yarn, RubyGems, Packagist, crates.io and the Go proxy.

    ## References

    CWE-494 (Download of Code Without Integrity Check); CWE-427; Alex Birsan, "Dependency
    Confusion" (2021).
    """

    meta = RuleMeta(
        id="deps-lockfile-drift",
        family=Family.SUPPLY_CHAIN,
        summary="Manifest and lockfile out of step, integrity dropped or registry switched",
        severity=Severity.MEDIUM,
        cwe=(494,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        changed_paths = {changed.path for changed in ctx.files}
        for changed in ctx.files:
            head = dependency_file(changed, "head")
            if head is None:
                continue
            base = dependency_file(changed, "base")
            yield from self._registries(ctx, changed, head, base)
            yield from self._integrity(ctx, changed, head, base)
            if head.lockfile:
                yield from self._lock_without_manifest(ctx, changed, head, base, changed_paths)
            else:
                yield from self._manifest_without_lock(ctx, changed, head, base, changed_paths)

    def _manifest_without_lock(
        self,
        ctx: ChangeContext,
        changed: ChangedFile,
        head: DependencyFile,
        base: DependencyFile | None,
        changed_paths: set[str],
    ) -> Iterator[Finding]:
        locks = [path for path in lockfiles_of(changed.path) if path in ctx.base_files]
        if base is None or not locks or any(path in changed_paths for path in locks):
            return
        before = {(entry.key, entry.spec) for entry in base.entries}
        moved = [e for e in head.entries if (e.key, e.spec) not in before]
        if not moved:
            return
        names = ", ".join(f"`{entry.name}`" for entry in moved[:5])
        yield self.finding(
            changed,
            moved[0].line,
            f"dependencies changed ({names}) but {locks[0]} was not updated",
            confidence=0.8,
            evidence=line_text(ctx, changed.path, moved[0].line),
        )

    def _lock_without_manifest(
        self,
        ctx: ChangeContext,
        changed: ChangedFile,
        head: DependencyFile,
        base: DependencyFile | None,
        changed_paths: set[str],
    ) -> Iterator[Finding]:
        manifest = manifest_of(changed.path)
        if base is None or manifest is None or manifest in changed_paths:
            return
        if head.digest is None or base.digest is None or head.digest == base.digest:
            return
        yield self.finding(
            changed,
            head.digest_line,
            f"{changed.path} records different direct dependencies than before, but {manifest} "
            "did not change",
            confidence=0.8,
            evidence=line_text(ctx, changed.path, head.digest_line),
            about_change=True,
        )

    def _integrity(
        self,
        ctx: ChangeContext,
        changed: ChangedFile,
        head: DependencyFile,
        base: DependencyFile | None,
    ) -> Iterator[Finding]:
        if base is None:
            return
        hashed = {entry.key for entry in base.entries if entry.integrity}
        # An entry without a hash that the base also had without one (a patched or local package,
        # recorded so by the tool) is the same state, not a hash lost.
        unhashed = Counter((entry.key, entry.spec) for entry in base.entries if not entry.integrity)
        for entry in head.entries:
            if entry.integrity or entry.key not in hashed:
                continue
            if unhashed[(entry.key, entry.spec)] > 0:
                unhashed[(entry.key, entry.spec)] -= 1
                continue
            yield self.finding(
                changed,
                entry.line,
                f"`{entry.name}` lost its integrity hash: a tampered archive would install without complaint",
                confidence=0.8,
                evidence=line_text(ctx, changed.path, entry.line),
                about_change=True,
            )

    def _registries(
        self,
        ctx: ChangeContext,
        changed: ChangedFile,
        head: DependencyFile,
        base: DependencyFile | None,
    ) -> Iterator[Finding]:
        known = {index.url for index in base.indexes} if base is not None else set()
        known_hosts = {
            registry_host(entry.registry)
            for entry in (base.entries if base is not None else ())
            if entry.registry
        }
        for index in head.indexes:
            if index.url not in known and not is_default_registry(index.url):
                yield self._switched(ctx, changed, index.line, registry_host(index.url) or "")
        reported: set[str] = set()
        for entry in head.entries:
            host = registry_host(entry.registry) if entry.registry else None
            if host and host not in DEFAULT_REGISTRY_HOSTS | known_hosts | reported:
                reported.add(host)
                yield self._switched(ctx, changed, entry.registry_line or entry.line, host)

    def _switched(self, ctx: ChangeContext, changed: ChangedFile, line: int, host: str) -> Finding:
        return self.finding(
            changed,
            line,
            f"packages now resolve from `{host}`, not the ecosystem's default registry",
            confidence=0.7,
            evidence=line_text(ctx, changed.path, line),
        )
