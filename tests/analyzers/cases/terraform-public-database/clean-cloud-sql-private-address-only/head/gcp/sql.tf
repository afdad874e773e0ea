resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "MYSQL_8_0"
  settings {
    tier = "db-n1-standard-1"
    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.private.id
      authorized_networks {
        name  = "legacy"
        value = "0.0.0.0/0"
      }
    }
  }
}
