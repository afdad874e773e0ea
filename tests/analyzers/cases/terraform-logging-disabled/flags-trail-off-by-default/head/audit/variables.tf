variable "enable_logging" {
  description = "Record API activity"
  type        = bool
  default     = false
}
