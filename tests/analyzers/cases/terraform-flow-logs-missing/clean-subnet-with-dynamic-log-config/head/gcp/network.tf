resource "google_compute_subnetwork" "apps" {
  name          = "apps"
  network       = var.network
  ip_cidr_range = "10.30.0.0/20"

  dynamic "log_config" {
    for_each = var.flow_logs ? [1] : []
    content {
      aggregation_interval = "INTERVAL_5_SEC"
      flow_sampling        = 0.5
    }
  }
}
