resource "aws_db_cluster_snapshot" "dr" {
  db_cluster_identifier          = aws_rds_cluster.main.id
  db_cluster_snapshot_identifier = "dr-copy"
  shared_accounts                = ["123456789012"]
}
