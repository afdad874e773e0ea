resource "aws_iam_policy" "admin" {
  name        = "break-glass-admin"
  description = "Assumed by on-call engineers with MFA"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}
