resource "google_compute_network" "main" {
  name                    = "main"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "apps" {
  name          = "apps"
  network       = google_compute_network.main.id
  ip_cidr_range = "10.30.0.0/20"
  region        = "europe-west1"
}
