resource "aws_vpc" "main" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_hostnames = true
}

locals {
  vpc_id = aws_vpc.main.id
}

resource "aws_flow_log" "main" {
  vpc_id       = local.vpc_id
  traffic_type = "REJECT"
  iam_role_arn = var.flow_log_role_arn
}
