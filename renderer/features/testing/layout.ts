// happy-dom lays nothing out, so every box measures 0 and a virtualised list shows no rows.
// Give every element a screen-sized box for the duration of a test file.
import { afterAll, beforeAll } from 'vitest';

const SIZES = ['clientWidth', 'clientHeight', 'offsetWidth', 'offsetHeight'] as const;

export function useScreenLayout(width = 1200, height = 700): void {
  const saved = new Map<string, PropertyDescriptor | undefined>();
  beforeAll(() => {
    const proto = HTMLElement.prototype;
    saved.set('getBoundingClientRect', Object.getOwnPropertyDescriptor(Element.prototype, 'getBoundingClientRect'));
    for (const name of SIZES) saved.set(name, Object.getOwnPropertyDescriptor(proto, name));
    Element.prototype.getBoundingClientRect = () => ({ x: 0, y: 0, top: 0, left: 0, right: width, bottom: height, width, height, toJSON: () => ({}) });
    for (const name of SIZES) Object.defineProperty(proto, name, { configurable: true, get: () => (name.endsWith('Width') ? width : height) });
  });
  afterAll(() => {
    const rect = saved.get('getBoundingClientRect');
    if (rect !== undefined) Object.defineProperty(Element.prototype, 'getBoundingClientRect', rect);
    for (const name of SIZES) {
      const descriptor = saved.get(name);
      if (descriptor !== undefined) Object.defineProperty(HTMLElement.prototype, name, descriptor);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
    }
  });
}
