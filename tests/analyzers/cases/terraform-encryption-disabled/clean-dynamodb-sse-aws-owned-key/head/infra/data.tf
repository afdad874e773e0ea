resource "aws_dynamodb_table" "events" {
  name     = "events"
  hash_key = "id"

  server_side_encryption {
    enabled = false
  }
}
