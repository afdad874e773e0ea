resource "aws_iam_policy" "admin" {
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = ["*"]
      Resource = "*"
    }]
  })
}

data "aws_iam_policy_document" "iam_admin" {
  statement {
    actions   = ["iam:*", "s3:PutObject"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "from_inputs" {
  statement {
    actions   = var.write_actions
    resources = ["*"]
  }

  statement {
    actions   = ["s3:PutObject"]
    resources = var.bucket_arns
  }
}
