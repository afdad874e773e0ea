"""Which Checkov checks for Terraform map to which Bulwark rules (used by `bench.peers.checkov_terraform`).

Mapped: checks that flag the same state a Bulwark rule flags. Not mapped, on purpose: checks for the
absence of hardening that Bulwark does not ask of every new resource (public access blocks on every
bucket, customer-managed keys where the provider encrypts by default, versioning, WAF, deletion
protection, private endpoints), checks that flag public web ports, and checks Bulwark has no rule for.
"""

from __future__ import annotations

_OPEN_INGRESS = frozenset({"terraform-open-ingress"})
_PUBLIC_STORAGE = frozenset({"terraform-public-storage"})
_UNENCRYPTED = frozenset({"terraform-unencrypted-storage", "terraform-encryption-disabled"})
_IAM = frozenset({"terraform-iam-wildcard"})
_IAM_WRITE = frozenset({"terraform-iam-wildcard", "terraform-iam-unscoped-write"})
_LOGGING = frozenset({"terraform-logging-disabled"})
_PUBLIC_DATABASE = frozenset({"terraform-public-database"})
_BASIC_ROLE = frozenset({"terraform-gcp-basic-role"})
_FLOW_LOGS = frozenset({"terraform-flow-logs-missing"})
_IMDS = frozenset({"terraform-imds-v1-allowed"})
CHECKS: dict[str, frozenset[str]] = {
    # security groups and firewalls open to the world on administrative ports
    "CKV_AWS_24": _OPEN_INGRESS,  # port 22
    "CKV_AWS_25": _OPEN_INGRESS,  # port 3389
    "CKV_AWS_277": _OPEN_INGRESS,  # every port
    "CKV_GCP_2": _OPEN_INGRESS,  # ssh
    "CKV_GCP_3": _OPEN_INGRESS,  # rdp
    "CKV_GCP_88": _OPEN_INGRESS,  # mysql
    "CKV2_GCP_12": _OPEN_INGRESS,  # every port
    "CKV_AZURE_9": _OPEN_INGRESS,  # rdp
    "CKV_AZURE_10": _OPEN_INGRESS,  # ssh
    # public buckets and databases
    "CKV_AWS_20": _PUBLIC_STORAGE,  # S3 ACL public read
    "CKV_AWS_57": _PUBLIC_STORAGE,  # S3 ACL public write
    "CKV_GCP_28": _PUBLIC_STORAGE,  # GCS allUsers / allAuthenticatedUsers
    "CKV_AZURE_34": _PUBLIC_STORAGE,  # blob container access level
    "CKV_AWS_17": _PUBLIC_STORAGE,  # RDS publicly accessible
    "CKV_GCP_11": _PUBLIC_DATABASE,  # Cloud SQL open to the world
    "CKV_AZURE_11": _PUBLIC_DATABASE,  # SQL firewall 0.0.0.0-255.255.255.255
    # unencrypted storage and databases (where the provider's default is off)
    "CKV_AWS_3": _UNENCRYPTED,  # EBS volume
    "CKV_AWS_8": _UNENCRYPTED,  # launch configuration / instance block devices
    "CKV_AWS_16": _UNENCRYPTED,  # RDS instance
    "CKV_AWS_96": _UNENCRYPTED,  # Aurora cluster
    "CKV_AWS_44": _UNENCRYPTED,  # Neptune
    "CKV_AWS_74": _UNENCRYPTED,  # DocumentDB
    "CKV_AWS_42": _UNENCRYPTED,  # EFS
    "CKV_AWS_29": _UNENCRYPTED,  # ElastiCache replication group
    "CKV_AWS_64": _UNENCRYPTED,  # Redshift
    "CKV_AWS_5": _UNENCRYPTED,  # Elasticsearch / OpenSearch
    "CKV_AWS_47": _UNENCRYPTED,  # DAX
    "CKV_AZURE_2": _UNENCRYPTED,  # Azure managed disk encryption_settings
    # IAM wildcards
    "CKV_AWS_1": _IAM,  # "*" on "*" in aws_iam_policy_document
    "CKV_AWS_62": _IAM,  # "*" on "*" in policies
    "CKV_AWS_63": _IAM,  # "*" action in policies
    "CKV_AWS_49": _IAM,  # "*" action in aws_iam_policy_document
    "CKV_AZURE_39": _IAM,  # custom owner roles
    "CKV_AWS_111": _IAM_WRITE,  # write actions on "*" without a condition (policy documents)
    "CKV_AWS_109": _IAM_WRITE,  # permissions management / resource exposure on "*" without a condition
    "CKV_AWS_290": _IAM_WRITE,  # the same two for policies written as JSON in resources
    "CKV_AWS_289": _IAM_WRITE,
    # not mapped: CKV_AWS_356/355 ("*" as resource for any restrictable action) also count read-only
    # actions on "*", which Bulwark does not report (51 of its 147 failures here are such reads)
    # logging
    "CKV_AWS_18": _LOGGING,  # S3 access logging
    "CKV_AWS_67": _LOGGING,  # CloudTrail in all regions
    "CKV_AWS_91": _LOGGING,  # ALB/NLB access logs
    "CKV_AWS_92": _LOGGING,  # classic ELB access logs
    "CKV_GCP_62": _LOGGING,  # GCS access logging
    "CKV_AZURE_23": _LOGGING,  # SQL server auditing
    # GCP basic roles (owner, editor, viewer)
    "CKV_GCP_115": _BASIC_ROLE,  # organisation
    "CKV_GCP_116": _BASIC_ROLE,  # folder
    "CKV_GCP_117": _BASIC_ROLE,  # project
    # network flow logs
    "CKV2_AWS_11": _FLOW_LOGS,  # VPC
    "CKV_GCP_26": _FLOW_LOGS,  # subnet
    # instance metadata service without session tokens
    "CKV_AWS_79": _IMDS,
}
