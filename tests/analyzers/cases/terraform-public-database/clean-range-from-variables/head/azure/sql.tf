resource "azurerm_mssql_firewall_rule" "clients" {
  name             = "clients"
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = var.start_ip
  end_ip_address   = "255.255.255.255"
}
