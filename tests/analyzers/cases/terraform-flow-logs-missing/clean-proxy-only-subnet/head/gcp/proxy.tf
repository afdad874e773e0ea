resource "google_compute_subnetwork" "proxy" {
  name          = "proxy-only"
  network       = var.network
  ip_cidr_range = "10.129.0.0/23"
  purpose       = "REGIONAL_MANAGED_PROXY"
  role          = "ACTIVE"
}
