// `npm start`: opens the desktop window. Where Electron cannot run (no binary can be downloaded,
// no display: CI machines, WSL, servers) it says why and falls back to browser mode.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

function startBrowserMode(reason) {
  console.error(`isnad: the desktop window cannot open here (${reason}); starting browser mode instead.`);
  const child = spawn(process.execPath, [path.join(root, 'bin/isnad.js'), 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay) {
  startBrowserMode('no display: DISPLAY and WAYLAND_DISPLAY are unset');
} else {
  const electronPackage = path.dirname(require.resolve('electron/package.json'));
  const binaryWasPresent = existsSync(path.join(electronPackage, 'path.txt'));
  const child = spawn(process.execPath, [path.join(electronPackage, 'cli.js'), root], { stdio: 'inherit' });
  child.on('exit', (code) => {
    // Electron 45 downloads its binary on first run; if that failed, the app never started.
    if (code !== 0 && !binaryWasPresent && !existsSync(path.join(electronPackage, 'path.txt'))) {
      startBrowserMode('the Electron binary could not be downloaded');
    } else {
      process.exit(code ?? 0);
    }
  });
}
