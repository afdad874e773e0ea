resource "google_project_iam_member" "release" {
  project = var.project_id
  role    = "roles/run.developer"
  member  = "user:release@example.com"
}

resource "google_storage_bucket_iam_member" "reader" {
  bucket = google_storage_bucket.assets.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}
