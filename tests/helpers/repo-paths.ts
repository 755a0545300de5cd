// Where tests find the repository and the shared Arabic fixtures (kept outside the repo: they are
// CC BY-NC-SA and must never be copied into it).
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const fixturesDir = path.resolve(repoRoot, '..', 'shared', 'fixtures');

export function fixturePath(name: string): string {
  return path.join(fixturesDir, name);
}

export const PENTAGON_FIXTURE = 'pentagon-strikes-syria-ar.txt';
