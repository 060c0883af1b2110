import { describe, expect, it } from 'vitest';
import { boot2x, accepted, booted, ofRule, playbook, rulesOf } from '../testing/playbook';

describe('security.basic-auth-plain', () => {
  it('flags Basic auth over ws:// on the first frame', () => {
    const p = booted(playbook('1.6', { connection: { secure: false, basicAuth: true } }));
    expect(ofRule(p.finish(1), 'security.basic-auth-plain')).toMatchObject([{ seq: 0, severity: 'warning' }]);
  });

  it('accepts Basic auth over TLS, and plain ws without credentials', () => {
    expect(rulesOf(booted(playbook('2.0.1', { connection: { secure: true, tlsVersion: 'TLSv1.3', basicAuth: true } })).finish(1))).not.toContain('security.basic-auth-plain');
    expect(rulesOf(booted(playbook('2.0.1', { connection: { secure: false, basicAuth: false } })).finish(1))).not.toContain('security.basic-auth-plain');
  });
});

describe('security.tls-version', () => {
  it('flags TLS below 1.2: an error in 2.0.1, a warning in 1.6', () => {
    const p2 = booted(playbook('2.0.1', { connection: { secure: true, tlsVersion: 'TLSv1.1', basicAuth: true } }));
    expect(ofRule(p2.finish(1), 'security.tls-version')).toMatchObject([{ seq: 0, severity: 'error' }]);
    const p16 = booted(playbook('1.6', { connection: { secure: true, tlsVersion: 'TLSv1', basicAuth: true } }));
    expect(ofRule(p16.finish(1), 'security.tls-version')).toMatchObject([{ seq: 0, severity: 'warning' }]);
  });

  it('accepts TLS 1.2 and 1.3', () => {
    for (const tlsVersion of ['TLSv1.2', 'TLSv1.3']) {
      expect(rulesOf(booted(playbook('2.0.1', { connection: { secure: true, tlsVersion, basicAuth: false } })).finish(1))).not.toContain('security.tls-version');
    }
  });
});

describe('security.event-after-boot', () => {
  it('flags a 2.x boot with no StartupOfTheDevice event', () => {
    const p = booted(playbook('2.0.1'));
    expect(ofRule(p.finish(100), 'security.event-after-boot')).toMatchObject([{ seq: 1, late: true }]);
  });

  it('holds a 1.6 charger to it only once it shows the security extension', () => {
    expect(rulesOf(booted(playbook('1.6')).finish(100))).not.toContain('security.event-after-boot');
    const p = booted(playbook('1.6'));
    p.at(1).exchange('cp', 'SignCertificate', { csr: '-----BEGIN CERTIFICATE REQUEST-----' }, { status: 'Accepted' });
    expect(ofRule(p.finish(100), 'security.event-after-boot')).toHaveLength(1);
  });

  it('accepts StartupOfTheDevice or ResetOrReboot, and expects nothing after a triggered boot', () => {
    const p = booted(playbook('2.0.1'));
    p.at(2).exchange('cp', 'SecurityEventNotification', { type: 'ResetOrReboot', timestamp: '2025-01-01T00:00:02Z' });
    expect(rulesOf(p.finish(100))).not.toContain('security.event-after-boot');

    const q = playbook('2.0.1');
    const boot = q.call('cp', 'BootNotification', { ...boot2x, reason: 'Triggered' });
    q.result('csms', boot, accepted());
    expect(rulesOf(q.finish(100))).not.toContain('security.event-after-boot');
  });
});

describe('security.event-after-firmware-failure', () => {
  it('flags a rejected signing certificate and an invalid signature without their security events', () => {
    const p = booted(playbook('2.0.1'));
    p.at(1).exchange('csms', 'UpdateFirmware', { requestId: 1, firmware: { location: 'https://fw', retrieveDateTime: '2025-01-01T00:00:00Z' } }, { status: 'InvalidCertificate' });
    p.at(2).exchange('cp', 'FirmwareStatusNotification', { status: 'InvalidSignature', requestId: 1 });
    p.at(3).exchange('cp', 'SecurityEventNotification', { type: 'StartupOfTheDevice', timestamp: '2025-01-01T00:00:03Z' });
    expect(ofRule(p.finish(100), 'security.event-after-firmware-failure').map((f) => f.seq)).toEqual([3, 4]);
  });

  it('accepts the matching security events', () => {
    const p = booted(playbook('1.6'));
    p.at(1).exchange('cp', 'SignedFirmwareStatusNotification', { status: 'InvalidSignature', requestId: 1 });
    p.at(2).exchange('cp', 'SecurityEventNotification', { type: 'InvalidFirmwareSignature', timestamp: '2025-01-01T00:00:02Z' });
    expect(rulesOf(p.finish(100))).not.toContain('security.event-after-firmware-failure');
  });
});
