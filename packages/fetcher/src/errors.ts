/** Why a fetch was refused; each reason has one HTTP status (see `refusalStatus`). */
export type FetchRefusalReason =
  | "invalid_url"
  | "scheme"
  | "port"
  | "forbidden_address"
  | "host_not_found"
  | "robots_disallowed"
  | "robots_unavailable"
  | "too_many_redirects"
  | "http_status"
  | "content_type"
  | "too_large"
  | "unreachable"
  | "timeout"
  | "aborted";

/** 400: the URL itself is refused. 422: the page or its site cannot be read as asked. 504: out of time. */
export type FetchRefusalStatus = 400 | 422 | 504;

const statusByReason: Record<FetchRefusalReason, FetchRefusalStatus> = {
  invalid_url: 400,
  scheme: 400,
  port: 400,
  forbidden_address: 400,
  host_not_found: 422,
  robots_disallowed: 422,
  robots_unavailable: 422,
  too_many_redirects: 422,
  http_status: 422,
  content_type: 422,
  too_large: 422,
  unreachable: 422,
  timeout: 504,
  aborted: 504,
};

/** The HTTP status a refusal for `reason` answers with. */
export function refusalStatus(reason: FetchRefusalReason): FetchRefusalStatus {
  return statusByReason[reason];
}

/** The only error the fetcher throws: a refusal with a status and a sentence that says why. */
export class FetchRefused extends Error {
  override readonly name = "FetchRefused";
  readonly reason: FetchRefusalReason;
  readonly status: FetchRefusalStatus;
  /** One sentence for the person who gave the URL. */
  readonly detail: string;
  /** The URL being fetched when the refusal happened (a redirect target, a robots.txt), if it parsed. */
  readonly url: string | undefined;

  constructor(reason: FetchRefusalReason, detail: string, options: { url?: string; cause?: unknown } = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.status = refusalStatus(reason);
    this.detail = detail;
    this.url = options.url;
  }
}
