data "aws_iam_policy_document" "observer" {
  statement {
    actions = [
      "ec2:Describe*",
      "s3:GetObject",
      "s3:ListAllMyBuckets",
      "sts:GetCallerIdentity",
      "cloudwatch:PutMetricData",
      "xray:PutTraceSegments",
      "xray:PutTelemetryRecords",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "observer" {
  role = aws_iam_role.observer.id
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:Describe*", "ecr:GetAuthorizationToken"]
      Resource = "*"
    }]
  })
}
