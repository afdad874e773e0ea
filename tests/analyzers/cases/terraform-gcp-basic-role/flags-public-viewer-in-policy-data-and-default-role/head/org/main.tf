variable "auditor_role" {
  type    = string
  default = "roles/viewer"
}

data "google_iam_policy" "folder" {
  binding {
    role    = "roles/viewer"
    members = ["allAuthenticatedUsers"]
  }
  binding {
    role    = "roles/resourcemanager.folderViewer"
    members = ["group:audit@example.com"]
  }
}

resource "google_folder_iam_member" "auditor" {
  folder = "folders/1234567"
  role   = var.auditor_role
  member = "group:audit@example.com"
}
