import fp from "fastify-plugin";
import { AppError } from "../../core/errors";

/** The charset a JSON body may declare (RFC 8259: JSON exchanged between systems is UTF-8). */
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;

/**
 * JSON bodies decoded strictly: invalid UTF-8 is a 400 (never silently replaced), a declared charset other than
 * UTF-8 is a 415, and the parse keeps Fastify's prototype-poisoning checks.
 */
export const jsonBodyPlugin = fp(
  async (app) => {
    const parse = app.getDefaultJsonParser("error", "error");
    const utf8 = new TextDecoder("utf-8", { fatal: true });
    app.removeContentTypeParser("application/json");
    app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
      const charset = CHARSET.exec(request.headers["content-type"] ?? "")?.[1]?.toLowerCase();
      if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
        return done(new AppError("unsupported_media_type", { message: `declared charset ${charset.slice(0, 40)} is not UTF-8` }), undefined);
      }
      let text: string;
      try {
        text = utf8.decode(body as Buffer);
      } catch (error) {
        return done(new AppError("validation", { fields: [{ field: "body", message: "Body must be valid UTF-8" }], cause: error }), undefined);
      }
      void parse(request, text, done);
    });
  },
  { name: "json-body" },
);
