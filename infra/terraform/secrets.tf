# The JWT signing secret shared by web and agent. Terraform creates only the container; the value is
# written out of band (see README.md) so it never lands in Terraform state or in a tfvars file.
resource "aws_secretsmanager_secret" "jwt" {
  name                    = "${local.name}/jwt-secret"
  description             = "HS256 secret (>= 32 bytes) that signs and verifies Strategist session tokens."
  recovery_window_in_days = 7
}
