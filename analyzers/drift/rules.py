"""The rules of the family `drift`, in registry order (`analyzers.drift.RULES`)."""

from __future__ import annotations

from analyzers.base import Analyzer
from analyzers.drift.actions_cache_poisoning import ActionsCachePoisoning
from analyzers.drift.actions_credentials_persisted import ActionsCredentialsPersisted
from analyzers.drift.actions_dangerous_trigger import ActionsDangerousTrigger
from analyzers.drift.actions_insecure_commands import ActionsInsecureCommands
from analyzers.drift.actions_known_vulnerable import ActionsKnownVulnerable
from analyzers.drift.actions_permissions_widened import ActionsPermissionsWidened
from analyzers.drift.actions_pin_comment_mismatch import ActionsPinCommentMismatch
from analyzers.drift.actions_secrets_in_workflow_env import ActionsSecretsInWorkflowEnv
from analyzers.drift.actions_secrets_inherited import ActionsSecretsInherited
from analyzers.drift.actions_self_hosted_runner import ActionsSelfHostedRunner
from analyzers.drift.actions_spoofable_actor_check import ActionsSpoofableActorCheck
from analyzers.drift.actions_template_injection import ActionsTemplateInjection
from analyzers.drift.actions_unpinned_container_image import ActionsUnpinnedContainerImage
from analyzers.drift.actions_unpinned_uses import ActionsUnpinnedUses
from analyzers.drift.actions_untrusted_env_write import ActionsUntrustedEnvWrite
from analyzers.drift.ci_checks_weakened import CiChecksWeakened
from analyzers.drift.codeowners_weakened import CodeownersWeakened
from analyzers.drift.docker_add_from_url import DockerAddFromUrl
from analyzers.drift.docker_missing_healthcheck import DockerMissingHealthcheck
from analyzers.drift.docker_pipe_to_shell import DockerPipeToShell
from analyzers.drift.docker_runs_as_root import DockerRunsAsRoot
from analyzers.drift.docker_secret_in_env import DockerSecretInEnv
from analyzers.drift.docker_ssh_port_exposed import DockerSshPortExposed
from analyzers.drift.docker_unpinned_base_image import DockerUnpinnedBaseImage
from analyzers.drift.docker_verification_disabled import DockerVerificationDisabled
from analyzers.drift.k8s_capabilities_not_dropped import K8sCapabilitiesNotDropped
from analyzers.drift.k8s_host_access import K8sHostAccess
from analyzers.drift.k8s_non_root_not_enforced import K8sNonRootNotEnforced
from analyzers.drift.k8s_privilege_escalation_not_blocked import K8sPrivilegeEscalationNotBlocked
from analyzers.drift.k8s_privileged_container import K8sPrivilegedContainer
from analyzers.drift.k8s_probes_missing import K8sProbesMissing
from analyzers.drift.k8s_rbac_escalation import K8sRbacEscalation
from analyzers.drift.k8s_rbac_wildcard import K8sRbacWildcard
from analyzers.drift.k8s_resource_limits_missing import K8sResourceLimitsMissing
from analyzers.drift.k8s_runs_as_root import K8sRunsAsRoot
from analyzers.drift.k8s_seccomp_profile_missing import K8sSeccompProfileMissing
from analyzers.drift.k8s_secret_in_manifest import K8sSecretInManifest
from analyzers.drift.k8s_service_account_token_mounted import K8sServiceAccountTokenMounted
from analyzers.drift.k8s_unpinned_image import K8sUnpinnedImage
from analyzers.drift.k8s_writable_root_filesystem import K8sWritableRootFilesystem
from analyzers.drift.policy_protected_path_changed import PolicyProtectedPathChanged
from analyzers.drift.terraform_encryption_disabled import TerraformEncryptionDisabled
from analyzers.drift.terraform_flow_logs_missing import TerraformFlowLogsMissing
from analyzers.drift.terraform_gcp_basic_role import TerraformGcpBasicRole
from analyzers.drift.terraform_iam_unscoped_write import TerraformIamUnscopedWrite
from analyzers.drift.terraform_iam_wildcard import TerraformIamWildcard
from analyzers.drift.terraform_imds_v1_allowed import TerraformImdsV1Allowed
from analyzers.drift.terraform_logging_disabled import TerraformLoggingDisabled
from analyzers.drift.terraform_open_ingress import TerraformOpenIngress
from analyzers.drift.terraform_public_database import TerraformPublicDatabase
from analyzers.drift.terraform_public_snapshot import TerraformPublicSnapshot
from analyzers.drift.terraform_public_storage import TerraformPublicStorage
from analyzers.drift.terraform_unencrypted_storage import TerraformUnencryptedStorage

RULES: tuple[type[Analyzer], ...] = (
    ActionsUnpinnedUses,
    ActionsDangerousTrigger,
    ActionsTemplateInjection,
    ActionsPermissionsWidened,
    ActionsCredentialsPersisted,
    ActionsSecretsInherited,
    ActionsSecretsInWorkflowEnv,
    ActionsUntrustedEnvWrite,
    ActionsSpoofableActorCheck,
    ActionsInsecureCommands,
    ActionsUnpinnedContainerImage,
    ActionsPinCommentMismatch,
    ActionsKnownVulnerable,
    ActionsCachePoisoning,
    ActionsSelfHostedRunner,
    CiChecksWeakened,
    DockerUnpinnedBaseImage,
    DockerPipeToShell,
    DockerVerificationDisabled,
    DockerRunsAsRoot,
    K8sPrivilegedContainer,
    K8sHostAccess,
    K8sRunsAsRoot,
    DockerSecretInEnv,
    DockerAddFromUrl,
    DockerMissingHealthcheck,
    DockerSshPortExposed,
    K8sSecretInManifest,
    K8sUnpinnedImage,
    K8sPrivilegeEscalationNotBlocked,
    K8sCapabilitiesNotDropped,
    K8sWritableRootFilesystem,
    K8sServiceAccountTokenMounted,
    K8sResourceLimitsMissing,
    K8sNonRootNotEnforced,
    K8sSeccompProfileMissing,
    K8sProbesMissing,
    K8sRbacWildcard,
    K8sRbacEscalation,
    TerraformOpenIngress,
    TerraformPublicStorage,
    TerraformEncryptionDisabled,
    TerraformUnencryptedStorage,
    TerraformPublicSnapshot,
    TerraformPublicDatabase,
    TerraformIamUnscopedWrite,
    TerraformIamWildcard,
    TerraformLoggingDisabled,
    TerraformGcpBasicRole,
    TerraformFlowLogsMissing,
    TerraformImdsV1Allowed,
    PolicyProtectedPathChanged,
    CodeownersWeakened,
)
