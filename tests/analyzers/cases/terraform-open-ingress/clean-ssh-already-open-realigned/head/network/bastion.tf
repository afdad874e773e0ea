resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Jump host"
  vpc_id      = "vpc-0a1b2c3d"

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [
      "0.0.0.0/0",
    ]
  }
}
