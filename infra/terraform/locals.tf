locals {
  name       = "${var.project}-${var.environment}"
  partition  = data.aws_partition.current.partition
  account_id = data.aws_caller_identity.current.account_id

  tags = {
    Environment = var.environment
    ManagedBy   = "Terraform"
    Application = "StrategistAgent"
  }

  https_enabled = var.certificate_arn != ""
  frontend_url  = var.frontend_url != "" ? var.frontend_url : "${local.https_enabled ? "https" : "http"}://${aws_lb.web.dns_name}"

  agent_port = 8000
  web_port   = 3000

  # The name the web tasks use to reach the agent through Service Connect.
  agent_dns_name = "agent"
}
