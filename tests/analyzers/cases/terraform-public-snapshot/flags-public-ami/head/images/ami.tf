resource "aws_ami_launch_permission" "golden" {
  image_id = aws_ami_from_instance.golden.id
  group    = "all"
}
