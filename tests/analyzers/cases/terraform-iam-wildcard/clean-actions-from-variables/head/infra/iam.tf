resource "aws_iam_policy" "this" {
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = var.actions
      Resource = "*"
    }]
  })
}

data "aws_iam_policy_document" "this" {
  statement {
    actions   = local.actions
    resources = ["*"]
  }
}
