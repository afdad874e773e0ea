resource "google_project_iam_member" "release" {
  project = var.project_id
  role    = "roles/editor"
  member  = "user:release@example.com"
}
