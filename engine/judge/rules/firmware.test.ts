import { describe, expect, it } from 'vitest';
import { booted, ofRule, playbook, rulesOf } from '../testing/playbook';

const update16 = { location: 'ftp://fw', retrieveDate: '2025-01-01T00:00:00Z' };

describe('sequence.firmware-status-order', () => {
  it('flags Installed straight after an update request', () => {
    const p = booted(playbook('1.6'));
    p.exchange('csms', 'UpdateFirmware', update16, {});
    p.exchange('cp', 'FirmwareStatusNotification', { status: 'Installed' });
    expect(ofRule(p.finish(1), 'sequence.firmware-status-order')).toMatchObject([{ seq: 4, path: '/status' }]);
  });

  it('accepts every step in order, and Installed in a session that saw no request (after the reboot)', () => {
    const p = booted(playbook('2.0.1'));
    p.exchange('csms', 'UpdateFirmware', { requestId: 1, firmware: { location: 'https://fw', retrieveDateTime: '2025-01-01T00:00:00Z' } }, { status: 'Accepted' });
    for (const status of ['Downloading', 'Downloaded', 'SignatureVerified', 'Installing', 'Installed']) p.exchange('cp', 'FirmwareStatusNotification', { status, requestId: 1 });
    expect(rulesOf(p.finish(1))).not.toContain('sequence.firmware-status-order');

    const after = booted(playbook('1.6'));
    after.exchange('cp', 'FirmwareStatusNotification', { status: 'Installed' });
    expect(rulesOf(after.finish(1))).not.toContain('sequence.firmware-status-order');
  });
});
