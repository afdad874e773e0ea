resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
}

resource "aws_instance" "worker" {
  ami           = data.aws_ami.base.id
  instance_type = "t3.small"
  root_block_device {
    volume_size = 30
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
  }
}
