// Headers sent on every browser-mode response: the same CSP as the Electron window (one constant in
// shared/), so the renderer is held to one policy in both modes, and no referrer so the token never leaks.
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy';

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}
