variable "project" {
  description = "Prefix for every resource name."
  type        = string
  default     = "strategist"
}

variable "environment" {
  description = "Deployment stage; part of the table names (strategies-<environment>, users-<environment>)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.environment))
    error_message = "environment must be 2-21 lower-case letters, digits or hyphens."
  }
}

variable "aws_region" {
  description = "Region for every resource and for the agent's Bedrock calls."
  type        = string
  default     = "us-east-1"
}

# --- Network: an existing VPC, so this stack never owns NAT gateways or routing. ---

variable "vpc_id" {
  description = "VPC that hosts the load balancer and the tasks."
  type        = string
}

variable "public_subnet_ids" {
  description = "Subnets for the internet-facing load balancer (at least two availability zones)."
  type        = list(string)

  validation {
    condition     = length(var.public_subnet_ids) >= 2
    error_message = "An Application Load Balancer needs subnets in at least two availability zones."
  }
}

variable "private_subnet_ids" {
  description = "Subnets for the Fargate tasks; they need a route to AWS APIs (NAT gateway or VPC endpoints for ECR, Logs, Secrets Manager, DynamoDB and Bedrock Runtime)."
  type        = list(string)
}

variable "alb_ingress_cidrs" {
  description = "Client networks allowed to reach the public load balancer."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "certificate_arn" {
  description = "ACM certificate for HTTPS on 443; empty serves plain HTTP on 80 only."
  type        = string
  default     = ""
}

variable "frontend_url" {
  description = "Public origin of the web app, used by the agent for CORS; empty means the load balancer's own address."
  type        = string
  default     = ""
}

# --- Images ---

variable "agent_image_tag" {
  description = "Tag of the agent image in its ECR repository (tags are immutable: use the git commit)."
  type        = string
}

variable "web_image_tag" {
  description = "Tag of the web image in its ECR repository (tags are immutable: use the git commit)."
  type        = string
}

# --- Capacity ---

variable "agent_cpu" {
  description = "Fargate CPU units for one agent task."
  type        = number
  default     = 512
}

variable "agent_memory" {
  description = "Fargate memory (MiB) for one agent task."
  type        = number
  default     = 1024
}

variable "agent_desired_count" {
  description = "Number of agent tasks."
  type        = number
  default     = 2
}

variable "web_cpu" {
  description = "Fargate CPU units for one web task."
  type        = number
  default     = 512
}

variable "web_memory" {
  description = "Fargate memory (MiB) for one web task."
  type        = number
  default     = 1024
}

variable "web_desired_count" {
  description = "Number of web tasks."
  type        = number
  default     = 2
}

# --- The agent's behaviour (passed to the container as its environment) ---

variable "log_level" {
  description = "LOG_LEVEL of both services' pino/console logs."
  type        = string
  default     = "info"
}

variable "bedrock_model_id" {
  description = "BEDROCK_MODEL_ID: a cross-region inference profile id (us./eu./apac. prefix) or a foundation model id."
  type        = string
  default     = "us.anthropic.claude-sonnet-4-20250514-v1:0"
}

variable "bedrock_models" {
  description = "BEDROCK_MODELS: the models users may pick, in menu order. The task role may invoke exactly these (plus the default and fallbacks)."
  type = list(object({
    id   = string
    name = string
  }))
  default = [
    { id = "us.anthropic.claude-sonnet-4-20250514-v1:0", name = "Claude Sonnet 4" },
    { id = "us.amazon.nova-pro-v1:0", name = "Amazon Nova Pro" },
    { id = "qwen.qwen3-32b-v1:0", name = "Qwen3 32B" },
  ]

  validation {
    condition     = alltrue([for model in var.bedrock_models : !can(regex("[,=]", "${model.id}${model.name}"))])
    error_message = "Model ids and names may not contain ',' or '=' (BEDROCK_MODELS is 'id=name,id=name')."
  }
}

variable "bedrock_fallback_model_ids" {
  description = "BEDROCK_FALLBACK_MODEL_IDS: models (ids from bedrock_models) tried in order when the chosen one is throttled or unavailable."
  type        = list(string)
  default     = []
}

variable "bedrock_max_attempts" {
  description = "BEDROCK_MAX_ATTEMPTS: tries per model on throttling or unavailability before falling back."
  type        = number
  default     = 4
}

variable "bedrock_retry_base_ms" {
  description = "BEDROCK_RETRY_BASE_MS: first backoff delay between tries (jittered, doubling)."
  type        = number
  default     = 500
}

variable "bedrock_inference_profile_regions" {
  description = "Regions a cross-region inference profile may route to; the task role may invoke the model in these regions only."
  type        = list(string)
  default     = ["us-east-1", "us-east-2", "us-west-2"]
}

variable "bedrock_max_tokens" {
  description = "BEDROCK_MAX_TOKENS: output token cap per model call."
  type        = number
  default     = 4096
}

variable "bedrock_temperature" {
  description = "BEDROCK_TEMPERATURE: sampling temperature, 0 to 1."
  type        = number
  default     = 0.7
}

variable "agent_timeout_seconds" {
  description = "AGENT_TIMEOUT_SECONDS: wall-clock budget of one generation before 504."
  type        = number
  default     = 60
}

variable "model_prices" {
  description = "MODEL_PRICES: USD per million tokens as 'id=input/output/cacheRead,...', overriding the built-in table for usage.estimated_cost_usd; empty = the defaults."
  type        = string
  default     = ""
}

variable "rate_limit_per_minute" {
  description = "RATE_LIMIT_PER_MINUTE: generations per user per minute, counted by each agent task."
  type        = number
  default     = 10
}

variable "max_concurrent_generations" {
  description = "MAX_CONCURRENT_GENERATIONS: in-flight generations per agent task before 503."
  type        = number
  default     = 100
}

variable "max_concurrent_generations_per_user" {
  description = "MAX_CONCURRENT_GENERATIONS_PER_USER: in-flight generations per user across all agent tasks."
  type        = number
  default     = 3
}

variable "generation_lease_seconds" {
  description = "GENERATION_LEASE_SECONDS: how long a dead agent task's generation slots stay taken."
  type        = number
  default     = 30
}

variable "read_rate_limit_per_minute" {
  description = "READ_RATE_LIMIT_PER_MINUTE: reads per user per minute across all agent tasks."
  type        = number
  default     = 600
}

variable "auth_rate_limit_per_ip_per_minute" {
  description = "AUTH_RATE_LIMIT_PER_IP_PER_MINUTE: sign-ups and log-ins per client IP per minute across all web tasks."
  type        = number
  default     = 20
}

# --- Data and operations ---

variable "table_deletion_protection" {
  description = "Refuse to delete the DynamoDB tables (turn off only to tear down a test stack)."
  type        = bool
  default     = true
}

variable "log_retention_days" {
  description = "CloudWatch Logs retention for both services."
  type        = number
  default     = 30
}

variable "alarm_email" {
  description = "Address subscribed to the alarm topic; empty creates the topic without a subscription."
  type        = string
  default     = ""
}

variable "bedrock_image_model_id" {
  description = "BEDROCK_IMAGE_MODEL_ID: the default image model."
  type        = string
  default     = "amazon.nova-canvas-v1:0"
}

variable "bedrock_image_models" {
  description = "BEDROCK_IMAGE_MODELS: image models users may pick (InvokeModel text-to-image)."
  type        = list(object({ id = string, name = string }))
  default = [
    { id = "amazon.nova-canvas-v1:0", name = "Amazon Nova Canvas" },
    { id = "stability.stable-image-core-v1:1", name = "Stable Image Core" },
  ]
}

variable "image_retention_days" {
  description = "Days after which generated images expire from the bucket (lifecycle rule)."
  type        = number
  default     = 365
}

variable "image_job_lease_seconds" {
  description = "IMAGE_JOB_LEASE_SECONDS: a worker's claim on a job; the queue's visibility timeout is longer."
  type        = number
  default     = 120
}

variable "image_worker_concurrency" {
  description = "IMAGE_WORKER_CONCURRENCY: jobs one worker task runs at once."
  type        = number
  default     = 2
}

variable "image_jobs_max_active_per_user" {
  description = "IMAGE_JOBS_MAX_ACTIVE_PER_USER: queued plus running image jobs per user before 429."
  type        = number
  default     = 3
}

variable "image_worker_desired_count" {
  description = "Image worker tasks."
  type        = number
  default     = 1
}

variable "api_key_failures_per_ip_per_minute" {
  description = "API_KEY_FAILURES_PER_IP_PER_MINUTE: failed API key attempts per client IP per minute across all agent tasks."
  type        = number
  default     = 20
}
