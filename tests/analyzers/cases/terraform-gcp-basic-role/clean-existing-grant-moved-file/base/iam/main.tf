resource "google_project_iam_member" "legacy" {
  project = var.project_id
  role    = "roles/editor"
  member  = "serviceAccount:legacy@acme-prod.iam.gserviceaccount.com"
}
