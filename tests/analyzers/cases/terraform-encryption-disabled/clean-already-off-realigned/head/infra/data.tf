# Scratch space for the batch workers; holds no data between runs.
resource "aws_ebs_volume" "scratch" {
  availability_zone    = "eu-west-1a"
  size                 = 80
  multi_attach_enabled = false
  encrypted            = false
}
