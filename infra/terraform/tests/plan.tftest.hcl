# Runs the whole stack against a mocked AWS provider: `terraform test` (no AWS account needed).
mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_resource "aws_sns_topic" {
    defaults = { arn = "arn:aws:sns:us-east-1:123456789012:alarms" }
  }
  mock_resource "aws_secretsmanager_secret" {
    defaults = { arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:jwt" }
  }
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::123456789012:role/r" }
  }
  mock_resource "aws_lb" {
    defaults = { arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1" }
  }
  mock_resource "aws_lb_target_group" {
    defaults = { arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1" }
  }
  mock_resource "aws_service_discovery_http_namespace" {
    defaults = { arn = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-1" }
  }
  mock_resource "aws_ecs_task_definition" {
    defaults = { arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/x:1" }
  }
  mock_resource "aws_dynamodb_table" {
    defaults = { arn = "arn:aws:dynamodb:us-east-1:123456789012:table/t" }
  }
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{}" }
  }
}

variables {
  environment        = "prod"
  vpc_id             = "vpc-1"
  public_subnet_ids  = ["subnet-a", "subnet-b"]
  private_subnet_ids = ["subnet-c", "subnet-d"]
  agent_image_tag    = "abc"
  web_image_tag      = "abc"
  bedrock_models = [
    { id = "us.anthropic.claude-sonnet-4-20250514-v1:0", name = "Claude Sonnet 4" },
    { id = "anthropic.claude-3-5-haiku-20241022-v1:0", name = "Claude 3.5 Haiku" },
  ]
  bedrock_fallback_model_ids = ["anthropic.claude-3-5-haiku-20241022-v1:0"]
}

run "http_only_with_fallback_model" {
  command = apply

  assert {
    condition = toset(output.bedrock_resource_arns) == toset([
      "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0",
      "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
      "arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
      "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
      "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
    ])
    error_message = "The task role must name exactly the profile, its model in the profile's regions, and the directly invoked model."
  }

  assert {
    condition     = length(aws_lb_listener.https) == 0 && aws_lb_listener.http.default_action[0].type == "forward"
    error_message = "Without a certificate the HTTP listener forwards to the web tasks."
  }

  assert {
    condition     = contains([for e in jsondecode(aws_ecs_task_definition.agent.container_definitions)[0].environment : e.value if e.name == "BEDROCK_MODELS"], "us.anthropic.claude-sonnet-4-20250514-v1:0=Claude Sonnet 4,anthropic.claude-3-5-haiku-20241022-v1:0=Claude 3.5 Haiku")
    error_message = "BEDROCK_MODELS lists the menu as id=name pairs."
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.bedrock_throttling) == 2
    error_message = "One throttling alarm per configured model."
  }

  assert {
    condition     = one([for s in jsondecode(aws_ecs_task_definition.agent.container_definitions)[0].secrets : s.name]) == "JWT_SECRET"
    error_message = "The agent receives JWT_SECRET from Secrets Manager."
  }
}

run "https_with_certificate" {
  command = apply

  variables {
    certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  }

  assert {
    condition     = length(aws_lb_listener.https) == 1 && aws_lb_listener.http.default_action[0].type == "redirect"
    error_message = "With a certificate, 443 serves the app and 80 redirects to it."
  }

  assert {
    condition     = startswith(output.web_url, "https://")
    error_message = "The agent's CORS origin follows the HTTPS address."
  }
}
