import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ErrorBody,
  ImageJob,
  ImageJobAccepted,
  ImageJobIdParams,
  ImageJobList,
  ImageJobRequest,
  ListQuery,
  PostIdParams,
  PostImagesAccepted,
  PostImagesRequest,
  StrategyIdParams,
  ValidationErrorBody,
} from "@strategist/schemas";
import { z } from "zod";
import type { ImageService } from "./service";

const errors = { 400: ValidationErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;

/** Image jobs: queue one for a visual prompt, follow it, list a strategy's, fetch the picture. HTTP only. */
export const imageRoutes: FastifyPluginAsyncZod<{ service: ImageService }> = async (app, { service }) => {
  app.post(
    "/strategy/:id/images",
    {
      schema: {
        operationId: "createImageJob",
        tags: ["images"],
        summary: "Queue an image for a visual prompt of the strategy (or of a planned post); follow it at the Location",
        params: StrategyIdParams,
        body: ImageJobRequest,
        response: { 202: ImageJobAccepted, ...errors, 429: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const accepted = await service.enqueue(request.userId, request.params.id, request.body, request.log);
      return reply.code(202).header("location", `/api/images/jobs/${accepted.job_id}`).send(accepted);
    },
  );

  app.post(
    "/strategy/:id/posts/images",
    {
      schema: {
        operationId: "createPostImageJobs",
        tags: ["images"],
        summary: "Queue a picture for each chosen post, or for every post of a week, in one call; posts that have their pictures are skipped",
        params: StrategyIdParams,
        body: PostImagesRequest,
        response: { 202: PostImagesAccepted, ...errors, 429: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => reply.code(202).send(await service.enqueueForPosts(request.userId, request.params.id, request.body, request.log)),
  );

  app.get(
    "/strategy/:id/posts/:postId/images",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "listPostImageJobs",
        tags: ["images"],
        summary: "The image jobs of one planned post, newest first (a carousel's pictures, or the one picture)",
        params: PostIdParams,
        response: { 200: ImageJobList, ...errors, 429: ErrorBody },
      },
    },
    async (request) => service.listForPost(request.userId, request.params.id, request.params.postId, request.log),
  );

  app.get(
    "/strategy/:id/images",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "listImageJobs",
        tags: ["images"],
        summary: "The strategy's image jobs, newest first; X-Next-Cursor holds the cursor of the next page",
        "x-response-headers": { 200: ["X-Next-Cursor"] },
        params: StrategyIdParams,
        querystring: ListQuery,
        response: { 200: ImageJobList, ...errors, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const page = await service.list(request.userId, request.params.id, request.query.limit, request.query.cursor, request.log);
      if (page.nextCursor) reply.header("x-next-cursor", page.nextCursor);
      return page.jobs;
    },
  );

  app.get(
    "/images/jobs/:job_id",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "getImageJob",
        tags: ["images"],
        summary: "An image job: status and progress; once completed, a presigned link valid for one hour",
        params: ImageJobIdParams,
        response: { 200: ImageJob, ...errors, 429: ErrorBody },
      },
    },
    async (request) => service.get(request.userId, request.params.job_id, request.log),
  );

  app.get(
    "/images/jobs/:job_id/content",
    {
      preHandler: app.limitReads,
      schema: {
        operationId: "getImageContent",
        tags: ["images"],
        summary: "The finished image itself, for its owner (what the web page shows); ?download=1 saves it as a file",
        params: ImageJobIdParams,
        querystring: z.strictObject({ download: z.enum(["0", "1"]).optional() }),
        response: { 200: z.any().describe("image/png bytes"), ...errors, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const image = await service.content(request.userId, request.params.job_id, request.log);
      reply.header("content-type", image.contentType).header("cache-control", "private, max-age=3600");
      if (image.contentLength !== undefined) reply.header("content-length", String(image.contentLength));
      if (request.query.download === "1") reply.header("content-disposition", `attachment; filename="image-${request.params.job_id}.png"`);
      return reply.send(image.body);
    },
  );
};
