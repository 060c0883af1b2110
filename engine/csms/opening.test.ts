import { describe, expect, it } from 'vitest';
import { basicAuthHeader, parseBasicAuth } from '../net/handshake';
import { decideOpening, passwordMatches } from './opening';
import { checkProfile, defaultSettings, effectiveProfile, mergeSettings, parseSettingsText, SettingsError } from './settings';

const creds = (user: string, password: string | Buffer) => parseBasicAuth(basicAuthHeader(user, password))!;

describe('decideOpening', () => {
  const settings = mergeSettings(defaultSettings(), {
    subprotocols: ['ocpp2.0.1', 'ocpp1.6'],
    chargers: { CP1: { password: 'secret-password-1' }, CP2: { passwordHex: '0a1b2c3d4e5f60718293a4b5c6d7e8f9' }, CP3: { subprotocols: ['ocpp1.6'] } },
  });

  it('picks the first subprotocol of the CSMS preference the charger offers, or refuses with 400', () => {
    expect(decideOpening({ chargePointId: 'X', offeredSubprotocols: ['ocpp1.6', 'ocpp2.0.1'] }, settings, 0)).toEqual({ accept: true, subprotocol: 'ocpp2.0.1', version: '2.0.1' });
    expect(decideOpening({ chargePointId: 'CP3', offeredSubprotocols: ['ocpp1.6', 'ocpp2.0.1'] }, settings, 0)).toMatchObject({ subprotocol: 'ocpp1.6' });
    const refused = decideOpening({ chargePointId: 'X', offeredSubprotocols: ['ocpp2.1', 'ocpp1.5'] }, settings, 0);
    expect(refused).toMatchObject({ accept: false, status: 400 });
    expect(refused.accept === false && refused.reason).toContain('offered ocpp2.1, ocpp1.5');
    expect(decideOpening({ chargePointId: 'X', offeredSubprotocols: [] }, settings, 0)).toMatchObject({ accept: false, status: 400 });
  });

  it('profile 1/2: 401 without credentials, for a wrong user, an unknown charger or a wrong password', () => {
    const offered = ['ocpp1.6'];
    const no = (cp: string, c?: ReturnType<typeof creds>) => decideOpening({ chargePointId: cp, offeredSubprotocols: offered, ...(c ? { credentials: c } : {}) }, settings, 1);
    expect(no('CP1')).toMatchObject({ accept: false, status: 401, headers: { 'WWW-Authenticate': expect.stringContaining('Basic') } });
    expect(no('CP1', creds('CP2', 'secret-password-1'))).toMatchObject({ status: 401, reason: expect.stringContaining('is not the charge point identity') });
    expect(no('CP9', creds('CP9', 'x'))).toMatchObject({ status: 401, reason: expect.stringContaining('No credentials') });
    expect(no('CP1', creds('CP1', 'wrong'))).toMatchObject({ status: 401, reason: expect.stringContaining('Wrong password') });
    expect(no('CP1', creds('CP1', 'secret-password-1'))).toMatchObject({ accept: true });
    // A hex AuthorizationKey, sent as the bytes it stands for or as its digits.
    expect(decideOpening({ chargePointId: 'CP2', offeredSubprotocols: offered, credentials: creds('CP2', Buffer.from('0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'hex')) }, settings, 2)).toMatchObject({ accept: true });
    expect(decideOpening({ chargePointId: 'CP2', offeredSubprotocols: offered, credentials: creds('CP2', '0A1B2C3D4E5F60718293A4B5C6D7E8F9') }, settings, 2)).toMatchObject({ accept: true });
  });

  it('matches a text password that is itself hex against the raw bytes too', () => {
    expect(passwordMatches(creds('CP', Buffer.from('deadbeef', 'hex')), 'DEADBEEF', undefined)).toBe(true);
    expect(passwordMatches(creds('CP', 'deadbeef'), 'DEADBEEF', undefined)).toBe(false);
    expect(passwordMatches(creds('CP', 'deadbeef'), undefined, 'DEADBEEF')).toBe(true);
  });

  it('404 for an unknown charger with an allow-list or no identity; profile 3 checks the CN when asked', () => {
    const listed = mergeSettings(settings, { allowUnknownChargers: false, requireCertificateCn: true });
    expect(decideOpening({ chargePointId: 'CP9', offeredSubprotocols: ['ocpp1.6'] }, listed, 0)).toMatchObject({ accept: false, status: 404 });
    expect(decideOpening({ chargePointId: '', offeredSubprotocols: ['ocpp1.6'] }, settings, 0)).toMatchObject({ accept: false, status: 404 });
    expect(decideOpening({ chargePointId: 'CP3', offeredSubprotocols: ['ocpp1.6'], certificateCn: 'CP3' }, listed, 3)).toMatchObject({ accept: true });
    expect(decideOpening({ chargePointId: 'CP3', offeredSubprotocols: ['ocpp1.6'], certificateCn: 'CP1' }, listed, 3)).toMatchObject({ accept: false, status: 401 });
  });
});

describe('settings', () => {
  it('merges a YAML file over the defaults, with shorthands', () => {
    const parsed = parseSettingsText(
      ['boot: { status: Pending, retryInterval: 5 }', 'idTokens:', '  A: Accepted', '  B: { status: Blocked }', 'responders:', '  Heartbeat: noAnswer', '  Authorize: { mode: error, code: InternalError, delayMs: 10 }'].join('\n'),
      'x.yaml',
    );
    const s = mergeSettings(defaultSettings(), parsed);
    expect(s.boot).toEqual({ status: 'Pending', interval: 300, retryInterval: 5 });
    expect(s.idTokens).toEqual({ A: { status: 'Accepted' }, B: { status: 'Blocked' } });
    expect(s.responders).toEqual({ Heartbeat: { mode: 'noAnswer' }, Authorize: { mode: 'error', code: 'InternalError', delayMs: 10 } });
    const removed = mergeSettings(s, { idTokens: { A: null }, responders: { Heartbeat: null } });
    expect(Object.keys(removed.idTokens)).toEqual(['B']);
    expect(Object.keys(removed.responders)).toEqual(['Authorize']);
  });

  it('names the failing path of bad settings', () => {
    const bad = (patch: unknown) => {
      try {
        mergeSettings(defaultSettings(), patch);
      } catch (err) {
        expect(err).toBeInstanceOf(SettingsError);
        return (err as Error).message;
      }
      throw new Error('no error');
    };
    expect(bad({ boot: { status: 'Maybe' } })).toBe('settings.boot.status must be one of Accepted, Pending, Rejected');
    expect(bad({ chargers: { CP1: { passwordHex: 'xyz' } } })).toContain('settings.chargers.CP1.passwordHex');
    expect(bad({ responders: { Heartbeat: { mode: 'fixed' } } })).toContain('settings.responders.Heartbeat.payload must be an object');
    expect(bad({ subprotocols: ['ocpp3'] })).toContain('settings.subprotocols[0] must be one of');
    expect(bad({ heartbeat: 1 })).toContain('heartbeat is not a setting');
    expect(() => parseSettingsText('{ nope', 'f.json')).toThrow(/f.json is not valid JSON or YAML/);
  });

  it('derives the security profile from TLS and credentials, and says what a profile lacks', () => {
    const none = defaultSettings();
    const withPassword = mergeSettings(none, { chargers: { CP: { password: 'p' } } });
    expect(effectiveProfile(none, { enabled: false, clientCa: false })).toBe(0);
    expect(effectiveProfile(withPassword, { enabled: false, clientCa: false })).toBe(1);
    expect(effectiveProfile(withPassword, { enabled: true, clientCa: false })).toBe(2);
    expect(effectiveProfile(none, { enabled: true, clientCa: true })).toBe(3);
    expect(checkProfile(2, { enabled: false, clientCa: false })).toMatch(/needs TLS/);
    expect(checkProfile(3, { enabled: true, clientCa: false })).toMatch(/client CA/);
    expect(checkProfile(2, { enabled: true, clientCa: false })).toBeUndefined();
  });
});
