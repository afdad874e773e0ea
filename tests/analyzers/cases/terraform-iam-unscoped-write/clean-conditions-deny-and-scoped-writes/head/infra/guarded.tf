data "aws_iam_policy_document" "controller" {
  statement {
    actions   = ["ec2:CreateVolume", "ec2:DeleteVolume"]
    resources = ["*"]

    condition {
      test     = "StringLike"
      variable = "aws:ResourceTag/owner"
      values   = ["ebs-controller"]
    }
  }

  statement {
    effect    = "Deny"
    actions   = ["iam:PassRole", "s3:DeleteBucket"]
    resources = ["*"]
  }

  statement {
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::uploads/*"]
  }
}

resource "aws_iam_policy" "tagged" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = ["iam:PassRole"]
      Resource  = "*"
      Condition = { StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" } }
    }]
  })
}
