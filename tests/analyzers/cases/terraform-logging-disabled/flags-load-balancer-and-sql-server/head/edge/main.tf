resource "aws_lb" "public" {
  name               = "public"
  load_balancer_type = "application"
  subnets            = var.public_subnets
  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    enabled = false
  }
}

resource "azurerm_mssql_server" "main" {
  name                = "acme-sql"
  resource_group_name = azurerm_resource_group.main.name
  location            = "westeurope"
  version             = "12.0"
}
