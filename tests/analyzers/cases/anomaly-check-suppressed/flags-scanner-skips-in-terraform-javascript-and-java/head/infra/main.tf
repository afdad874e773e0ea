resource "aws_s3_bucket" "logs" {
  #checkov:skip=CKV_AWS_20:public on purpose
  bucket = "logs"
  acl    = "public-read"
}
