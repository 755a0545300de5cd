// The annotator's path in the real desktop app (Electron main + sandboxed preload + IPC), the same
// walk as the browser e2e spec. Skips itself, saying why, where no Electron binary or display exists.
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dragSelectPhrase } from '../e2e/select-text';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const fixturePath = path.resolve(repoRoot, '..', 'shared', 'fixtures', 'pentagon-strikes-syria-ar.txt');
const SPEAKER = 'وزارة الدفاع الأميركية "البنتاغون"';

/**
 * The Electron executable, or null when it was never downloaded. Deliberately not require('electron'):
 * Electron 45's index.js tries to download the binary when it is missing.
 */
function electronBinary(): string | null {
  const packageDir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);

test('annotate the seed article in the desktop app', async () => {
  test.skip(
    binary === null,
    'Electron binary not present: it cannot be downloaded on this machine (see ENVIRONMENT.md); run npm start on a desktop to exercise this path',
  );
  test.skip(!hasDisplay, 'No display (DISPLAY and WAYLAND_DISPLAY are unset): run under xvfb-run to exercise this path');
  for (const built of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(repoRoot, built))) throw new Error(`${built} is missing: run npm run build first`);
  }

  // A throwaway profile: the test never touches the user's real database.
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'isnad-electron-'));
  let app: ElectronApplication | undefined;
  try {
    app = await electron.launch({
      executablePath: binary ?? undefined,
      args: ['.'],
      cwd: repoRoot,
      env: { ...process.env, ISNAD_USER_DATA_DIR: userDataDir },
    });
    const page = await app.firstWindow();

    // The page is the app's own origin, and the preload exposes the bridge and nothing of Node.
    expect(page.url()).toMatch(/^app:\/\/isnad\//);
    expect(
      await page.evaluate(() => ({
        bridge: Object.keys((window as unknown as { isnad?: object }).isnad ?? {}).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      })),
    ).toEqual({ bridge: ['invoke', 'onMenuCommand'], require: 'undefined', process: 'undefined' });

    await page.getByTestId('annotator-name-input').fill('Layla');
    await page.getByTestId('annotator-name-submit').click();

    await page.getByTestId('import-input').setInputFiles(fixturePath);
    const documentItem = page.getByTestId('document-list-item');
    await expect(documentItem).toHaveCount(1);
    await documentItem.click();
    await expect(page.getByTestId('editor')).toContainText(SPEAKER);

    await dragSelectPhrase(page, SPEAKER);
    await page.keyboard.press('Digit2');
    const spans = page.getByTestId('span-list-item');
    await expect(spans).toHaveCount(1);
    await expect(spans.first()).toHaveAttribute('data-label', 'speaker');
    await expect(spans.first()).toContainText(SPEAKER);

    // The span went through IPC into the SQLite file in the throwaway profile.
    expect(existsSync(path.join(userDataDir, 'isnad.sqlite'))).toBe(true);
  } finally {
    await app?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
