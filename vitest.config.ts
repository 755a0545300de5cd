// Unit and contract tests (Node). Playwright specs under tests/e2e run separately.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,db,cli,electron,renderer}/**/*.test.ts', 'tests/contract/**/*.test.ts', 'tests/lint/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
