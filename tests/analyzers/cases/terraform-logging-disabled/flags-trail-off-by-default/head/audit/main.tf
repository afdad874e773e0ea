resource "aws_cloudtrail" "this" {
  name                  = "organization"
  s3_bucket_name        = "org-trail-logs"
  is_multi_region_trail = true
  enable_logging        = var.enable_logging
}
