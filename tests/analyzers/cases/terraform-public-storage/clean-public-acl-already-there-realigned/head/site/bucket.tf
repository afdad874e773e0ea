resource "aws_s3_bucket_acl" "site" {
  bucket = "www-example-com"
  acl    = "public-read"
}
