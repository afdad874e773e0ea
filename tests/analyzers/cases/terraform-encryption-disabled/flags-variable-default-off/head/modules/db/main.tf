resource "aws_db_instance" "this" {
  identifier        = var.identifier
  engine            = "postgres"
  storage_encrypted = var.storage_encrypted
}
