resource "aws_db_snapshot" "before_migration" {
  db_instance_identifier = aws_db_instance.main.identifier
  db_snapshot_identifier = "before-migration"
  shared_accounts        = ["all"]
}
