resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "google_storage_bucket" "exports" {
  name     = "acme-exports"
  location = "EU"
}
