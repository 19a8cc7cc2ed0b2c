resource "aws_cloudwatch_log_group" "agent" {
  name              = "/ecs/${local.name}/agent"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "web" {
  name              = "/ecs/${local.name}/web"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "image_worker" {
  name              = "/ecs/${local.name}/image-worker"
  retention_in_days = var.log_retention_days
}
