import { describe, expect, it } from 'vitest';
import { linear, niceDomain, niceTicks, shortNumber } from './scale';

describe('chart scales', () => {
  it('maps a domain onto a range', () => {
    const x = linear([0, 10], [100, 200]);
    expect(x(5)).toBe(150);
    expect(linear([3, 3], [0, 10])(3)).toBe(0);
  });

  it('picks round ticks and domains', () => {
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0, 7400, 4)).toEqual([0, 2000, 4000, 6000]);
    expect(niceDomain([1200, 7400])).toEqual([0, 8000]);
    expect(shortNumber(22000)).toBe('22k');
    expect(shortNumber(0.25)).toBe('0.25');
  });
});
