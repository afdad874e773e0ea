resource "aws_db_snapshot" "demo" {
  db_instance_identifier = aws_db_instance.demo.identifier
  db_snapshot_identifier = "public-demo-data"
  shared_accounts        = ["all"]
  tags = { purpose = "published sample dataset" }
}
