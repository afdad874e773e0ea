resource "google_project_iam_binding" "ops" {
  project = var.project_id
  role    = "roles/compute.admin"
  members = ["group:ops@example.com", "serviceAccount:deployer@acme-prod.iam.gserviceaccount.com"]
}
