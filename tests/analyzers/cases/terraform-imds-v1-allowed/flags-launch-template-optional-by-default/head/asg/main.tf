variable "http_tokens" {
  type    = string
  default = "optional"
}

resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  image_id      = var.ami_id
  instance_type = "m6i.large"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = var.http_tokens
  }
}
