# The exact Bedrock resources the agent may invoke, derived from the configured model ids.
locals {
  # Every model a request can reach: the default, the menu users pick from, and the fallbacks.
  bedrock_model_ids = distinct(concat([var.bedrock_model_id], [for model in var.bedrock_models : model.id], var.bedrock_fallback_model_ids))

  # The image models (InvokeModel only), called by the image worker service.
  bedrock_image_model_ids = distinct(concat([var.bedrock_image_model_id], [for model in var.bedrock_image_models : model.id]))
  bedrock_image_model_arns = [
    for id in local.bedrock_image_model_ids :
    "arn:${local.partition}:bedrock:${var.aws_region}::foundation-model/${id}"
  ]

  # A cross-region inference profile id carries a geography prefix ("us.anthropic.claude-...").
  bedrock_profile_pattern = "^(us|us-gov|eu|apac|jp|au|ca)\\."
  bedrock_profile_ids     = [for id in local.bedrock_model_ids : id if can(regex(local.bedrock_profile_pattern, id))]
  bedrock_direct_ids      = [for id in local.bedrock_model_ids : id if !can(regex(local.bedrock_profile_pattern, id))]

  bedrock_profile_arns = [
    for id in local.bedrock_profile_ids :
    "arn:${local.partition}:bedrock:${var.aws_region}:${local.account_id}:inference-profile/${id}"
  ]

  # A profile forwards the call to the foundation model in one of its regions, and IAM checks that
  # call too: allow the model behind each profile in the profile's regions, nothing else.
  bedrock_foundation_model_arns = distinct(concat(
    [for id in local.bedrock_direct_ids : "arn:${local.partition}:bedrock:${var.aws_region}::foundation-model/${id}"],
    flatten([
      for id in local.bedrock_profile_ids : [
        for region in var.bedrock_inference_profile_regions :
        "arn:${local.partition}:bedrock:${region}::foundation-model/${replace(id, "/${local.bedrock_profile_pattern}/", "")}"
      ]
    ])
  ))
}
