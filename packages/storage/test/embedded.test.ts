import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { describe, expect, it } from "vitest";
import { startEmbeddedS3 } from "../src/embedded";
import { createS3Client, ensureBucket } from "../src/index";

describe("embedded S3", () => {
  it("keeps objects on disk across a restart and serves them through a presigned GET", async () => {
    const dir = mkdtempSync(join(tmpdir(), "s3-"));
    try {
      let s3 = await startEmbeddedS3({ directory: dir });
      let client = createS3Client({ region: "us-east-1", endpoint: s3.endpoint });
      await ensureBucket(client, "images-test");
      await ensureBucket(client, "images-test");
      const body = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 255]);
      await client.send(new PutObjectCommand({ Bucket: "images-test", Key: "a/b.png", Body: body, ContentType: "image/png" }));
      client.destroy();
      await s3.close();

      s3 = await startEmbeddedS3({ directory: dir });
      client = createS3Client({ region: "us-east-1", endpoint: s3.endpoint });
      const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: "images-test", Key: "a/b.png" }), { expiresIn: 60 });
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
      client.destroy();
      await s3.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
