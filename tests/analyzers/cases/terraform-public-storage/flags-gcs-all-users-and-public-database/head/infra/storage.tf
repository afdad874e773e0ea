resource "google_storage_bucket_iam_member" "viewer" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

resource "aws_db_instance" "main" {
  engine              = "postgres"
  publicly_accessible = true
}
