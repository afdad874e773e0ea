resource "aws_ec2_image_block_public_access" "this" {
  state = "block-new-sharing"
}

resource "aws_ami_launch_permission" "partner" {
  image_id   = aws_ami_from_instance.golden.id
  account_id = "123456789012"
}
