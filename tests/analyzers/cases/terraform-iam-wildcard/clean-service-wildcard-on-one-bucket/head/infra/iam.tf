data "aws_iam_policy_document" "uploads" {
  statement {
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::uploads", "arn:aws:s3:::uploads/*"]
  }
}
