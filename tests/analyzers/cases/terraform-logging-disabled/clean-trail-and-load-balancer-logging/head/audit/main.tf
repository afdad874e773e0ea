resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = aws_s3_bucket.trail.id
  is_multi_region_trail = true
}

resource "aws_lb" "internal" {
  name     = "internal"
  internal = true
  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    enabled = true
  }
}

resource "aws_lb" "gateway" {
  name               = "inspection"
  load_balancer_type = "gateway"
}
