import type { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

/** The object key of a job's image: one key per job, so a job can never leave two objects behind. */
export function imageKey(strategyId: string, jobId: string): string {
  return `images/${encodeURIComponent(strategyId)}/${jobId}.png`;
}

/** Private image objects in one S3 bucket; handed out only as presigned links or through an authorised route. */
export class ImageStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly expiresInSeconds: number,
  ) {}

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: contentType }));
  }

  /** Deletes an object; deleting one that is not there succeeds, as S3 does. */
  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
      throw error;
    }
  }

  /** The object's bytes as a stream, for the authorised content route. */
  async read(key: string): Promise<{ body: Readable; contentType?: string; contentLength?: number }> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return { body: object.Body as Readable, contentType: object.ContentType, contentLength: object.ContentLength };
  }

  /** A presigned GET link and when it stops working (S3_PRESIGN_EXPIRES_SECONDS, one hour by default). */
  async presign(key: string, now: Date, expiresInSeconds = this.expiresInSeconds): Promise<{ url: string; expiresAt: Date }> {
    const url = await getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: expiresInSeconds, signingDate: now });
    return { url, expiresAt: new Date(now.getTime() + expiresInSeconds * 1000) };
  }
}
