resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 40
  encrypted         = false
}
