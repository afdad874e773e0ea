resource "aws_dax_cluster" "sessions" {
  cluster_name       = "sessions"
  iam_role_arn       = "arn:aws:iam::123456789012:role/dax"
  node_type          = "dax.r5.large"
  replication_factor = 3

  server_side_encryption {
    enabled = false
  }
}
