resource "aws_iam_role" "app" {
  name = "app"
  inline_policy {
    name = "uploads"
    policy = jsonencode({
      Statement = [{
        Effect   = "Allow"
        Action   = ["s3:PutObject"]
        Resource = "arn:aws:s3:::uploads/*"
      }]
    })
  }
}
