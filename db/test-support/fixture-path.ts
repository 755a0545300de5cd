// Test helper: the real Arabic fixtures live beside the repository (../shared/fixtures), never in it,
// because of their CC BY-NC-SA licence.
import path from 'node:path';

const FIXTURES_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');

export function fixturePath(fileName: string): string {
  return path.join(FIXTURES_DIR, fileName);
}
