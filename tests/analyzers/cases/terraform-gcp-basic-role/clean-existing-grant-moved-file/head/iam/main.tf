# kept until the legacy batch jobs move to their own project (OPS-412)
resource "google_project_iam_member" "legacy" {
  project = var.project_id
  member  = "serviceAccount:legacy@acme-prod.iam.gserviceaccount.com"
  role    = "roles/editor"
}
