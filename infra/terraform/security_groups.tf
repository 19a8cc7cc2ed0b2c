# Traffic path: clients -> ALB (80/443) -> web tasks (3000) -> agent tasks (8000, via Service Connect).
# Each hop admits only the security group in front of it; the agent is unreachable from the ALB or the internet.
# The agent's egress is TCP 443 and nothing else: AWS APIs and the pages users ask it to read (docs/sources.md).

resource "aws_security_group" "alb" {
  name        = "${local.name}-alb"
  description = "Public load balancer in front of the web app"
  vpc_id      = var.vpc_id
}

resource "aws_security_group" "web" {
  name        = "${local.name}-web"
  description = "Web tasks: reachable from the load balancer only"
  vpc_id      = var.vpc_id
}

resource "aws_security_group" "agent" {
  name        = "${local.name}-agent"
  description = "Agent tasks: reachable from the web tasks only"
  vpc_id      = var.vpc_id
}

# --- Load balancer ---

resource "aws_vpc_security_group_ingress_rule" "alb_http" {
  for_each          = toset(var.alb_ingress_cidrs)
  security_group_id = aws_security_group.alb.id
  description       = "HTTP from clients (redirected to HTTPS when a certificate is set)"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
}

resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  for_each          = local.https_enabled ? toset(var.alb_ingress_cidrs) : toset([])
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from clients"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_egress_rule" "alb_to_web" {
  security_group_id            = aws_security_group.alb.id
  description                  = "Forward to the web tasks"
  referenced_security_group_id = aws_security_group.web.id
  ip_protocol                  = "tcp"
  from_port                    = local.web_port
  to_port                      = local.web_port
}

# --- Web tasks ---

resource "aws_vpc_security_group_ingress_rule" "web_from_alb" {
  security_group_id            = aws_security_group.web.id
  description                  = "Requests from the load balancer"
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = local.web_port
  to_port                      = local.web_port
}

resource "aws_vpc_security_group_egress_rule" "web_to_agent" {
  security_group_id            = aws_security_group.web.id
  description                  = "Strategy API calls to the agent"
  referenced_security_group_id = aws_security_group.agent.id
  ip_protocol                  = "tcp"
  from_port                    = local.agent_port
  to_port                      = local.agent_port
}

resource "aws_vpc_security_group_egress_rule" "web_to_aws_apis" {
  security_group_id = aws_security_group.web.id
  description       = "HTTPS to AWS APIs (DynamoDB, ECR, Logs, Secrets Manager)"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

# --- Agent tasks ---

resource "aws_vpc_security_group_ingress_rule" "agent_from_web" {
  security_group_id            = aws_security_group.agent.id
  description                  = "Strategy API calls from the web tasks only"
  referenced_security_group_id = aws_security_group.web.id
  ip_protocol                  = "tcp"
  from_port                    = local.agent_port
  to_port                      = local.agent_port
}

# The one egress rule of the agent: HTTPS. Pages users name (a brand's website, an article) are read over it by the
# guarded fetcher, which also refuses private, loopback and link-local addresses (the VPC, the metadata service)
# before it connects; FETCH_PORTS=443 (containers.tf) makes it refuse plain-http URLs at once.
resource "aws_vpc_security_group_egress_rule" "agent_to_aws_apis" {
  security_group_id = aws_security_group.agent.id
  description       = "HTTPS only: AWS APIs (Bedrock Runtime, DynamoDB, ECR, Logs, Secrets Manager) and pages users ask to read"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_security_group" "image_worker" {
  name        = "${local.name}-image-worker"
  description = "Image worker tasks: no inbound traffic at all"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "image_worker_to_aws_apis" {
  security_group_id = aws_security_group.image_worker.id
  description       = "HTTPS to AWS APIs (SQS, DynamoDB, S3, Bedrock Runtime, ECR, Logs)"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}
