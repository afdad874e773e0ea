data "aws_iam_policy_document" "reports" {
  statement {
    actions   = ["s3:PutObject", "s3:DeleteObject"]
    resources = ["arn:aws:s3:::reports/*"]
  }
}
