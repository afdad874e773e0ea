data "aws_iam_policy_document" "queue" {
  statement {
    actions   = ["sqs:SendMessage", "sqs:DeleteMessage"]
    resources = ["*"]
  }
}
