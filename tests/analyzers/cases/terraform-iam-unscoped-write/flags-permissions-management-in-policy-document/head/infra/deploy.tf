data "aws_iam_policy_document" "deployer" {
  statement {
    sid       = "Describe"
    actions   = ["ec2:DescribeInstances", "ecs:DescribeServices"]
    resources = ["*"]
  }

  statement {
    sid = "HandRoles"
    actions = [
      "iam:PassRole",
      "iam:AttachRolePolicy",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "deployer" {
  name   = "deployer"
  policy = data.aws_iam_policy_document.deployer.json
}
