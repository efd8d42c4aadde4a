// The hash in a file's name: the first 16 hex digits of the SHA-256 of its content, as Trunk's
// own names carry (and the service worker's cache name, of its files' names).
import crypto from "node:crypto";

/** 16 hex digits naming `bytes`. */
export function shortHash(bytes) {
  return crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}
