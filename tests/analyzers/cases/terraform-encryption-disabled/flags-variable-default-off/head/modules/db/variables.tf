variable "identifier" {
  type = string
}

variable "storage_encrypted" {
  description = "Encrypt the database storage"
  type        = bool
  default     = false
}
