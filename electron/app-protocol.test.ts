import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { tempDir } from '../engine/testing/tmp';
import { APP_CSP, appFileFor, appResponse, isAppUrl } from './app-protocol';

let dir: ReturnType<typeof tempDir>;
let root: string;
beforeEach(() => {
  dir = tempDir();
  root = dir.file('renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'a.js'), 'export {}');
  writeFileSync(dir.file('secret'), 'no');
});
afterEach(() => dir.remove());

test('our pages are app://bench/ only', () => {
  expect(isAppUrl('app://bench/index.html')).toBe(true);
  expect(isAppUrl('app://other/index.html')).toBe(false);
  expect(isAppUrl('file:///index.html')).toBe(false);
  expect(isAppUrl('https://bench/index.html')).toBe(false);
  expect(isAppUrl('not a url')).toBe(false);
});

test('maps app:// URLs to files inside the renderer folder only', () => {
  expect(appFileFor(root, 'app://bench/')).toBe(join(root, 'index.html'));
  expect(appFileFor(root, 'app://bench/assets/a.js?x=1')).toBe(join(root, 'assets', 'a.js'));
  expect(appFileFor(root, 'app://bench/../secret')).not.toBe(dir.file('secret'));
  expect(appFileFor(root, 'app://bench/assets/..%2f..%2fsecret')).toBeUndefined();
  expect(appFileFor(root, 'app://evil/index.html')).toBeUndefined();
});

test('responses carry the CSP; missing files are 404', async () => {
  const page = await appResponse(root, 'app://bench/index.html');
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
  expect(APP_CSP).toContain("connect-src 'none'");
  expect(APP_CSP).not.toContain('unsafe');
  expect((await appResponse(root, 'app://bench/assets/a.js')).headers.get('content-type')).toMatch(/javascript/);
  expect((await appResponse(root, 'app://bench/nope.js')).status).toBe(404);
  expect((await appResponse(root, 'app://bench/assets/..%2f..%2fsecret')).status).toBe(404);
});
