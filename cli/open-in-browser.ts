// Opens the served address in the user's browser, best effort: where no browser can show it
// (Linux without a display) the printed address is all the user needs.
import { spawn } from 'node:child_process';

export function openInBrowser(url: string): void {
  const command = browserCommand(url);
  if (command === null) return;
  try {
    const child = spawn(command[0], command.slice(1), { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // Not being able to start a browser is no reason to stop the server.
  }
}

function browserCommand(url: string): [string, ...string[]] | null {
  if (process.platform === 'darwin') return ['open', url];
  if (process.platform === 'win32') return ['cmd', '/c', 'start', '""', url.replace(/&/g, '^&')];
  // Without a display xdg-open may start a text browser on our terminal: leave it to the user.
  if (!process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) return null;
  return ['xdg-open', url];
}
