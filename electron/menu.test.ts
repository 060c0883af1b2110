import type { MenuItemConstructorOptions } from 'electron';
import { expect, test } from 'vitest';
import { menuTemplate, type MenuActions } from './menu';

function actions() {
  const log: string[] = [];
  const a: MenuActions = {
    openCapture: () => log.push('open'),
    saveCapture: () => log.push('save'),
    exportReport: () => log.push('export'),
    showView: (v) => log.push(`view:${v}`),
    about: () => log.push('about'),
    openDataFolder: () => log.push('data'),
  };
  return { a, log };
}

const items = (menu: MenuItemConstructorOptions | undefined) => (menu?.submenu as MenuItemConstructorOptions[] | undefined) ?? [];
const find = (template: MenuItemConstructorOptions[], label: string) => template.find((m) => m.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

test('File offers open and save capture and export report, each wired to its action', () => {
  const { a, log } = actions();
  const template = menuTemplate(a, { appName: 'OCPP Bench', isMac: false, isDev: false });
  const file = items(find(template, 'File'));
  for (const label of ['Open Capture…', 'Save Capture As…', 'Export Report…']) click(file.find((i) => i.label === label));
  expect(log).toEqual(['open', 'save', 'export']);
  expect(file.find((i) => i.label === 'Open Capture…')?.accelerator).toBe('CmdOrCtrl+O');
  expect(file.some((i) => i.role === 'quit')).toBe(true);
});

test('View switches views without stealing the page’s own Alt+digit keys', () => {
  const { a, log } = actions();
  const view = items(find(menuTemplate(a, { appName: 'OCPP Bench', isMac: false, isDev: false }), 'View'));
  const traffic = view.find((i) => i.label === 'Traffic');
  click(traffic);
  expect(log).toEqual(['view:traffic']);
  expect(traffic?.registerAccelerator).toBe(false);
});

test('developer tools only in unpackaged runs; the mac app menu only on macOS', () => {
  const { a } = actions();
  const packaged = menuTemplate(a, { appName: 'OCPP Bench', isMac: false, isDev: false });
  const dev = menuTemplate(a, { appName: 'OCPP Bench', isMac: true, isDev: true });
  expect(items(find(packaged, 'View')).some((i) => i.role === 'toggleDevTools')).toBe(false);
  expect(items(find(dev, 'View')).some((i) => i.role === 'toggleDevTools')).toBe(true);
  expect(packaged.some((m) => m.role === 'appMenu')).toBe(false);
  expect(dev[0]?.role).toBe('appMenu');
  expect(items(find(dev, 'File')).some((i) => i.role === 'quit')).toBe(false);
});

test('Help has About', () => {
  const { a, log } = actions();
  const help = items(menuTemplate(a, { appName: 'OCPP Bench', isMac: false, isDev: false }).find((m) => m.role === 'help'));
  click(help.find((i) => i.label === 'About OCPP Bench'));
  expect(log).toEqual(['about']);
});
