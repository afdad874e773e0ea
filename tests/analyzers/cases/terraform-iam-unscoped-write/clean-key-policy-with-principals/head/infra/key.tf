data "aws_iam_policy_document" "key" {
  statement {
    sid     = "AccountAdmin"
    actions = ["kms:*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
    resources = ["*"]
  }

  statement {
    sid     = "LogsEncrypt"
    actions = ["kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*"]
    principals {
      type        = "Service"
      identifiers = ["logs.amazonaws.com"]
    }
    resources = ["*"]
  }
}

resource "aws_kms_key" "logs" {
  policy = data.aws_iam_policy_document.key.json
}
