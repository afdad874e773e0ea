data "aws_iam_policy_document" "ci" {
  statement {
    sid       = "Everything"
    actions   = ["*:*"]
    resources = ["*"]
  }
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["arn:aws:s3:::audit/*"]
  }
}

resource "aws_iam_role_policy" "operator" {
  role   = aws_iam_role.operator.id
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["iam:*"],
      "Resource": "*"
    }
  ]
}
EOF
}
