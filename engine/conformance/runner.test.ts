import { describe, expect, it } from 'vitest';
import { defineCase } from './case';
import { selectCases } from './runner';
import { mergeSettings } from './settings';

const request = { version: '1.6' as const, sut: 'charger' as const };
const noLocalList = mergeSettings({ profiles: ['Core'] });

describe('selectCases', () => {
  const regular = defineCase({ id: 'TC_900_CS', title: 'regular case', version: '1.6', sut: 'charger', profile: 'LocalAuthListManagement', specRefs: ['x'], proof: { behaviour: 'x' }, run: async () => undefined });
  const withoutProfile = defineCase({
    ...regular,
    id: 'TC_901_CS',
    runsWithoutProfile: true,
    applies: (s) => (s.profiles.includes('LocalAuthListManagement') ? 'the SUT supports it' : true),
  });

  it('leaves out cases of profiles the SUT does not declare', () => {
    expect(selectCases([regular], request, noLocalList)[0]?.notApplicable).toBe('the SUT does not declare the LocalAuthListManagement profile');
  });

  it('runs a case about a SUT without its profile, and lets `applies` decide', () => {
    expect(selectCases([withoutProfile], request, noLocalList)[0]?.notApplicable).toBeUndefined();
    expect(selectCases([withoutProfile], request, mergeSettings(undefined))[0]?.notApplicable).toBe('the SUT supports it');
  });
});
