import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchRefused, fetchPage, type FetchPageOptions } from "../src/index.js";
import { html, redirect, startSite, startTrap, type SiteServer, type TrapServer } from "./support/servers.js";

let site: SiteServer;
let trap: TrapServer;
let options: FetchPageOptions;

const sixMegabytes = 6 * 1024 * 1024;

beforeAll(async () => {
  trap = await startTrap();
  const trapUrl = `http://127.0.0.1:${trap.port}/`;
  site = await startSite({
    "/robots.txt": (_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" }).end("User-agent: StrategistBot\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n");
    },
    "/": html("<html><head><title>Home</title></head><body><p>Welcome to the bakery.</p></body></html>"),
    "/plain": (_request, response) => response.writeHead(200, { "content-type": "text/plain" }).end("just text"),
    "/latin1": (_request, response) =>
      response.writeHead(200, { "content-type": "text/html; charset=iso-8859-1" }).end(Buffer.from("<p>caf\xe9</p>", "latin1")),
    "/gzip": (_request, response) => response.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(gzipSync("<p>squeezed</p>")),
    "/gzip-bomb": (_request, response) =>
      response.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(gzipSync(Buffer.alloc(sixMegabytes, 0x61))),
    "/json": (_request, response) => response.writeHead(200, { "content-type": "application/json" }).end("{}"),
    "/private/page": html("<p>secret</p>"),
    "/big": (_request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const write = () => {
        while (sent < sixMegabytes) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", write);
        }
        response.end();
      };
      write();
    },
    "/big-declared": (_request, response) => {
      response.writeHead(200, { "content-type": "text/html", "content-length": String(sixMegabytes) });
      response.end(Buffer.alloc(sixMegabytes, 0x61));
    },
    "/never-finishes": (_request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.write("<p>the beginning of a page that never ends");
    },
    "/never-answers": () => undefined,
    "/redirect-home": redirect("/"),
    "/redirect-internal": redirect(trapUrl),
    "/redirect-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
    "/redirect-file": redirect("file:///etc/passwd"),
    "/redirect-loop": redirect("/redirect-loop"),
    "/not-found-page": (_request, response) => response.writeHead(404, { "content-type": "text/html" }).end("<p>gone</p>"),
  });
  options = { allowHosts: [site.hostPort] };
});

afterAll(async () => {
  await site.close();
  await trap.close();
});

async function refusal(url: string, extra: FetchPageOptions = {}): Promise<FetchRefused> {
  const error = await fetchPage(url, { ...options, ...extra }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FetchRefused);
  return error as FetchRefused;
}

describe("fetchPage on an allowed local site", () => {
  it("reads an HTML page, sending our user agent and the site's own Host", async () => {
    const page = await fetchPage(`${site.origin}/`, options);
    expect(page).toMatchObject({ status: 200, contentType: "text/html", charset: "utf-8", finalUrl: `${site.origin}/` });
    expect(page.text).toContain("Welcome to the bakery.");
    const request = site.requests.find((entry) => entry.path === "/");
    expect(request?.userAgent).toMatch(/^StrategistBot\/1\.0 \(\+https:\/\/\S+\)$/);
    expect(request?.host).toBe(site.hostPort);
  });

  it("reads plain text, decodes the declared charset and inflates gzip", async () => {
    expect((await fetchPage(`${site.origin}/plain`, options)).text).toBe("just text");
    expect((await fetchPage(`${site.origin}/latin1`, options)).text).toBe("<p>café</p>");
    expect((await fetchPage(`${site.origin}/gzip`, options)).text).toBe("<p>squeezed</p>");
  });

  it("follows a redirect on the same site and reports it", async () => {
    const page = await fetchPage(`${site.origin}/redirect-home`, options);
    expect(page.finalUrl).toBe(`${site.origin}/`);
    expect(page.redirects).toEqual([`${site.origin}/`]);
  });

  it("drops a user name and password from the URL", async () => {
    const page = await fetchPage(`http://someone:secret@${site.hostPort}/plain`, options);
    expect(page.url).toBe(`${site.origin}/plain`);
  });

  it("connects to the address it checked, never asking the system's DNS again", async () => {
    const calls: string[] = [];
    const page = await fetchPage(`http://shop.test:${site.port}/plain`, {
      allowHosts: [`shop.test:${site.port}`],
      resolve: async (hostname) => {
        calls.push(hostname);
        return [{ address: "127.0.0.1", family: 4 }];
      },
    });
    expect(page.text).toBe("just text");
    expect(calls).toEqual(["shop.test", "shop.test"]);
    expect(site.requests.at(-1)?.host).toBe(`shop.test:${site.port}`);
  });
});

describe("fetchPage refusals", () => {
  it("refuses another port on the machine without contacting it", async () => {
    const error = await refusal(`http://127.0.0.1:${trap.port}/`);
    expect(error).toMatchObject({ status: 400, reason: "port" });
    expect(error.detail).toContain(`Port ${trap.port}`);
  });

  it("refuses the cloud metadata address in under 3 s without connecting", async () => {
    const started = Date.now();
    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest/meta-data/"]) {
      const error = await refusal(url);
      expect(error).toMatchObject({ status: 400, reason: "forbidden_address" });
      expect(error.detail).toMatch(/link-local|unique-local/);
    }
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("refuses [::1] and a decimal IPv4 address even on an allowed port", async () => {
    const ports = { allowPorts: [80, 443, trap.port] };
    for (const url of [`http://[::1]:${trap.port}/`, `http://2130706433:${trap.port}/`, `http://[::ffff:127.0.0.1]:${trap.port}/`]) {
      const error = await refusal(url, ports);
      expect(error).toMatchObject({ status: 400, reason: "forbidden_address" });
    }
    expect(trap.connections()).toBe(0);
  });

  it("allows a host:port exactly: not the same port on [::1], not another port on the same host", async () => {
    expect(await refusal(`http://[::1]:${site.port}/`)).toMatchObject({ status: 400, reason: "port" });
    expect(await refusal(`http://[::1]:${site.port}/`, { allowPorts: [80, 443, site.port] })).toMatchObject({ status: 400, reason: "forbidden_address" });
    expect(await refusal(`http://127.0.0.1:${trap.port}/`)).toMatchObject({ reason: "port" });
    expect(trap.connections()).toBe(0);
  });

  it("refuses a file: URL and other schemes", async () => {
    for (const url of ["file:///etc/passwd", "ftp://example.com/", "gopher://127.0.0.1:70/", "data:text/html,<p>x</p>"]) {
      expect(await refusal(url)).toMatchObject({ status: 400, reason: "scheme" });
    }
    expect(await refusal("not a url")).toMatchObject({ status: 400, reason: "invalid_url" });
  });

  it("refuses a redirect from the allowed site to an internal address, the metadata address or a file", async () => {
    const ports = { allowPorts: [80, 443, trap.port] };
    expect(await refusal(`${site.origin}/redirect-internal`, ports)).toMatchObject({ status: 400, reason: "forbidden_address" });
    expect(await refusal(`${site.origin}/redirect-metadata`)).toMatchObject({ status: 400, reason: "forbidden_address" });
    expect(await refusal(`${site.origin}/redirect-file`)).toMatchObject({ status: 400, reason: "scheme" });
    expect(trap.connections()).toBe(0);
  });

  it("refuses a name whose addresses include one internal address, whatever the others", async () => {
    const error = await refusal(`http://mixed.test:${trap.port}/`, {
      allowPorts: [80, 443, trap.port],
      resolve: async () => [
        { address: "93.184.216.34", family: 4 },
        { address: "127.0.0.1", family: 4 },
      ],
    });
    expect(error).toMatchObject({ status: 400, reason: "forbidden_address" });
    expect(error.detail).toContain("127.0.0.1");
    expect(trap.connections()).toBe(0);
  });

  it("stops after 3 redirects", async () => {
    expect(await refusal(`${site.origin}/redirect-loop`)).toMatchObject({ status: 422, reason: "too_many_redirects" });
  });

  it("honours robots.txt for our user agent", async () => {
    const error = await refusal(`${site.origin}/private/page`);
    expect(error).toMatchObject({ status: 422, reason: "robots_disallowed" });
    expect(error.detail).toContain("robots.txt");
    expect(site.requests.some((entry) => entry.path === "/private/page")).toBe(false);
  });

  it("refuses a 6 MB page, streamed or declared, naming the 2 MB cap", async () => {
    for (const path of ["/big", "/big-declared", "/gzip-bomb"]) {
      const error = await refusal(`${site.origin}${path}`);
      expect(error).toMatchObject({ status: 422, reason: "too_large" });
      expect(error.detail).toContain("2 MB");
    }
  });

  it("refuses a page that never finishes, or never answers, within the timeout", async () => {
    for (const path of ["/never-finishes", "/never-answers"]) {
      const started = Date.now();
      const error = await refusal(`${site.origin}${path}`, { timeoutMs: 1000 });
      expect(error).toMatchObject({ status: 504, reason: "timeout" });
      expect(error.detail).toContain("1 s");
      expect(Date.now() - started).toBeLessThan(2500);
    }
  });

  it("refuses content types other than HTML and plain text, and error statuses", async () => {
    const error = await refusal(`${site.origin}/json`);
    expect(error).toMatchObject({ status: 422, reason: "content_type" });
    expect(error.detail).toContain("application/json");
    expect(await refusal(`${site.origin}/not-found-page`)).toMatchObject({ status: 422, reason: "http_status" });
  });

  it("refuses a site whose robots.txt cannot be read, and a host that does not exist", async () => {
    const down = await refusal(`http://127.0.0.1:${trap.port}/`, { allowHosts: [`127.0.0.1:${trap.port}`] });
    expect(down).toMatchObject({ status: 422, reason: "robots_unavailable" });
    const missing = await refusal("http://nowhere.invalid/", { resolve: () => Promise.reject(Object.assign(new Error("nope"), { code: "ENOTFOUND" })) });
    expect(missing).toMatchObject({ status: 422, reason: "host_not_found" });
  });

  it("ends in a refusal when the caller aborts", async () => {
    const controller = new AbortController();
    const pending = refusal(`${site.origin}/never-answers`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect(await pending).toMatchObject({ status: 504, reason: "aborted" });
  });
});
