resource "aws_iam_policy" "bucket_admin" {
  name = "bucket-admin"

  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:PutBucketPolicy", "s3:GetBucketPolicy"],
      "Resource": "*"
    }
  ]
}
POLICY
}
