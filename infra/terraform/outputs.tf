output "web_url" {
  description = "Where users reach the app."
  value       = local.frontend_url
}

output "alb_dns_name" {
  description = "DNS name of the public load balancer (point your domain's CNAME/alias here)."
  value       = aws_lb.web.dns_name
}

output "agent_repository_url" {
  description = "ECR repository for the agent image."
  value       = aws_ecr_repository.service["agent"].repository_url
}

output "web_repository_url" {
  description = "ECR repository for the web image."
  value       = aws_ecr_repository.service["web"].repository_url
}

output "cluster_name" {
  description = "ECS cluster running both services."
  value       = aws_ecs_cluster.main.name
}

output "strategies_table_name" {
  description = "DYNAMODB_STRATEGIES_TABLE."
  value       = aws_dynamodb_table.strategies.name
}

output "strategy_items_table_name" {
  description = "DYNAMODB_STRATEGY_ITEMS_TABLE."
  value       = aws_dynamodb_table.strategy_items.name
}

output "brands_table_name" {
  description = "DYNAMODB_BRANDS_TABLE."
  value       = aws_dynamodb_table.brands.name
}

output "users_table_name" {
  description = "DYNAMODB_USERS_TABLE."
  value       = aws_dynamodb_table.users.name
}

output "limits_table_name" {
  description = "DYNAMODB_LIMITS_TABLE."
  value       = aws_dynamodb_table.limits.name
}

output "sessions_table_name" {
  description = "DYNAMODB_SESSIONS_TABLE."
  value       = aws_dynamodb_table.sessions.name
}

output "api_keys_table_name" {
  description = "DYNAMODB_API_KEYS_TABLE."
  value       = aws_dynamodb_table.api_keys.name
}

output "jwt_secret_arn" {
  description = "Secrets Manager secret holding JWT_SECRET; set its value once after the first apply."
  value       = aws_secretsmanager_secret.jwt.arn
}

output "log_groups" {
  description = "CloudWatch log groups of the two services."
  value       = { agent = aws_cloudwatch_log_group.agent.name, web = aws_cloudwatch_log_group.web.name }
}

output "alarm_topic_arn" {
  description = "SNS topic the alarms publish to."
  value       = aws_sns_topic.alarms.arn
}

output "bedrock_resource_arns" {
  description = "The only Bedrock resources the agent task role may invoke."
  value       = concat(local.bedrock_profile_arns, local.bedrock_foundation_model_arns)
}

output "image_jobs_table_name" {
  description = "DYNAMODB_IMAGE_JOBS_TABLE."
  value       = aws_dynamodb_table.image_jobs.name
}

output "images_bucket_name" {
  description = "S3_BUCKET: the private bucket of generated images."
  value       = aws_s3_bucket.images.bucket
}

output "image_jobs_queue_url" {
  description = "IMAGE_QUEUE_URL: image job wake-ups."
  value       = aws_sqs_queue.image_jobs.url
}

output "image_jobs_dead_letter_queue_url" {
  description = "Wake-ups the worker failed on three times."
  value       = aws_sqs_queue.image_jobs_dlq.url
}
