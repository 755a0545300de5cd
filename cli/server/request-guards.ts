// Checks that a request really comes from our own page on 127.0.0.1: the Host header defeats DNS
// rebinding, the Origin header cross-site requests, and the per-run token every other local process.
import { createHash, timingSafeEqual } from 'node:crypto';

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (hostHeader === undefined) return false;
  const host = hostHeader.toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A request without Origin (curl, same-origin GET) passes; one with a foreign Origin does not. */
export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true;
  const origin = originHeader.toLowerCase();
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Constant-time comparison of the bearer token; hashing first makes both sides the same length. */
export function hasBearerToken(authorizationHeader: string | undefined, token: string): boolean {
  if (authorizationHeader === undefined) return false;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorizationHeader);
  return match?.[1] !== undefined && isSameToken(match[1], token);
}

/** A download link cannot send a header: GET /export also takes the token as ?token=, compared the same way. */
export function isSameToken(sent: string | null | undefined, token: string): boolean {
  if (sent === null || sent === undefined || sent === '') return false;
  const sentHash = createHash('sha256').update(sent).digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(sentHash, expected);
}
