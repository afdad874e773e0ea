resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-access-logs"
}
