variable "admin_cidrs" {
  description = "Who may reach the bastion over SSH"
  type        = list(string)
  default     = ["0.0.0.0/0"]
}
