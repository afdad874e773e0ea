resource "google_compute_firewall" "rdp" {
  name    = "allow-rdp"
  network = "default"
  allow {
    protocol = "tcp"
    ports    = ["3389"]
  }
  source_ranges = ["0.0.0.0/0"]
}

resource "azurerm_network_security_rule" "db" {
  name                       = "db"
  direction                  = "Inbound"
  access                     = "Allow"
  protocol                   = "Tcp"
  destination_port_range     = "5432"
  source_address_prefix      = "*"
  destination_address_prefix = "*"
}
