import { CreateBucketCommand, HeadBucketCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";

interface S3Connection {
  region: string;
  /** A local S3-compatible endpoint (the embedded s3rver, MinIO); absent for Amazon S3. */
  endpoint?: string;
}

/**
 * Builds the S3 client. A local endpoint gets path-style addressing (no bucket DNS names on loopback) and the
 * dummy credentials s3rver accepts, so no AWS account is needed; Amazon S3 uses the normal credential chain.
 */
export function createS3Client({ region, endpoint }: S3Connection): S3Client {
  return new S3Client({
    region,
    ...(endpoint ? { endpoint, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } } : {}),
    maxAttempts: 3,
    requestHandler: { requestTimeout: 10_000, connectionTimeout: 2_000 },
  });
}

/** Creates the bucket when it does not exist yet (local endpoints only; Terraform owns the bucket in AWS). */
export async function ensureBucket(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    try {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
    } catch (error) {
      // Two processes starting together both miss the bucket and both create it: the one that loses finds it made.
      const name = (error as { name?: string }).name;
      if (name !== "BucketAlreadyOwnedByYou" && name !== "BucketAlreadyExists") throw error;
    }
  }
}

/** Every object key in a bucket (under `prefix`), for reconciliation checks. */
export async function listObjectKeys(client: S3Client, bucket: string, prefix?: string): Promise<string[]> {
  const keys: string[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken }));
    keys.push(...(page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])));
    ContinuationToken = page.NextContinuationToken;
  } while (ContinuationToken);
  return keys;
}
