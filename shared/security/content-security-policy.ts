// The renderer's one Content-Security-Policy, shared by the Electron protocol handler, the
// browser-mode server and index.html's meta tag so that the three cannot drift apart.

const DIRECTIVES: ReadonlyArray<readonly [name: string, sources: string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // The review page measures agreement in a Worker loaded from the app's own files; no blob: workers.
  ['worker-src', "'self'"],
  // Inline styles: React style props and Lexical's own inline styles; scripts stay strict.
  ['style-src', "'self' 'unsafe-inline'"],
  ['font-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];

/** For the Content-Security-Policy response header. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([name, sources]) => `${name} ${sources}`).join('; ');

/** For a `<meta http-equiv>` tag: browsers ignore frame-ancestors there and log an error, so it is left out. */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.filter(([name]) => name !== 'frame-ancestors')
  .map(([name, sources]) => `${name} ${sources}`)
  .join('; ');
