// The application menu sends the renderer the right command and hides devtools in packaged builds.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../shared/rpc/ipc-channel';
import { buildMenuTemplate } from './menu-template';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(isPackaged: boolean, isMac = false) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({ isPackaged, isMac, sendMenuCommand: (command) => sent.push(command) });
  return { items: flatten(template), template, sent };
}

describe('buildMenuTemplate', () => {
  it('sends import and export commands to the renderer', () => {
    const { items, sent } = build(true);
    for (const label of ['Import…', 'Import as…', 'Export document…', 'Export all…', 'Export as…']) {
      const item = items.find((candidate) => candidate.label === label);
      expect(item, label).toBeDefined();
      (item?.click as (() => void) | undefined)?.();
    }
    expect(sent).toEqual(['import', 'import-dialog', 'export-document', 'export-all', 'export-dialog']);
  });

  it('has File, Edit and View menus and a way to quit', () => {
    const { template, items } = build(true);
    expect(template.map((menu) => menu.label)).toEqual(['File', 'Edit', 'View']);
    expect(items.some((item) => item.role === 'quit')).toBe(true);
    expect(items.some((item) => item.role === 'copy')).toBe(true);
  });

  it('offers developer tools only when not packaged', () => {
    expect(build(true).items.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(build(false).items.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });

  it('puts the application menu first on macOS', () => {
    expect(build(true, true).template[0]?.role).toBe('appMenu');
  });
});
