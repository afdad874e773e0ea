variable "bucket" {
  type = string
}

variable "acl" {
  type    = string
  default = "public-read"
}
