// The renderer CSP: strict scripts, no eval, no plugins or framing; the meta form differs only by frame-ancestors.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from './content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('CONTENT_SECURITY_POLICY', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('runs only the app\'s own scripts: no inline, no eval', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('*');
  });

  it('forbids plugins, base tags, form posts and framing', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('starts workers only from the app\'s own files (the review page\'s worker), never from blob: or data: URLs', () => {
    expect(policy.get('worker-src')).toEqual(["'self'"]);
  });

  it('talks to no server but its own', () => {
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('has a meta-tag form without frame-ancestors and otherwise identical', () => {
    const meta = directives(CONTENT_SECURITY_POLICY_META);
    expect(meta.has('frame-ancestors')).toBe(false);
    policy.delete('frame-ancestors');
    expect(meta).toEqual(policy);
  });
});
