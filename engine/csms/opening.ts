// Whether the CSMS accepts a charger's WebSocket opening request, and with which
// subprotocol. Pure: the listener hands in what the charger sent, this says yes or why not.
//
// OCPP-J 1.6 §3.2 (unknown charge point identity → HTTP 404); security whitepaper ed. 3
// §2.3–§2.5 (profile 1/2: HTTP Basic with user = identity, A00.FR.204, and password =
// AuthorizationKey, A00.FR.205, refused with 401; profile 3: client certificate whose CN
// holds the charge point's serial number, A00.FR.511).
import { timingSafeEqual } from 'node:crypto';
import type { CsmsSettings } from '../../api/csms';
import type { OcppVersion } from '../../api/model';
import type { BasicCredentials } from '../net/handshake';
import { versionOfSubprotocol } from '../ocpp/versions';

export interface OpeningFacts {
  chargePointId: string;
  offeredSubprotocols: string[];
  credentials?: BasicCredentials;
  /** Subject CN of the verified client certificate (profile 3). */
  certificateCn?: string;
}

export type OpeningVerdict =
  | { accept: true; subprotocol: string; version: OcppVersion }
  | { accept: false; status: number; reason: string; headers?: Record<string, string> };

const BASIC_CHALLENGE = { 'WWW-Authenticate': 'Basic realm="OCPP", charset="UTF-8"' };

export function decideOpening(facts: OpeningFacts, settings: CsmsSettings, profile: 0 | 1 | 2 | 3): OpeningVerdict {
  const id = facts.chargePointId;
  if (id === '') return { accept: false, status: 404, reason: 'The URL path carries no charge point identity (OCPP-J 1.6 §3.1.1: it ends with /<chargePointId>)' };
  const charger = Object.hasOwn(settings.chargers, id) ? settings.chargers[id] : undefined;
  if (!settings.allowUnknownChargers && charger === undefined) {
    return { accept: false, status: 404, reason: `Charge point "${id}" is not known to this CSMS (OCPP-J 1.6 §3.2)` };
  }

  if (profile === 1 || profile === 2) {
    const creds = facts.credentials;
    if (creds === undefined) {
      return { accept: false, status: 401, reason: `Security profile ${profile} requires HTTP Basic credentials`, headers: BASIC_CHALLENGE };
    }
    if (creds.user !== id) {
      return { accept: false, status: 401, reason: `The Basic auth user "${creds.user}" is not the charge point identity "${id}" (A00.FR.204)`, headers: BASIC_CHALLENGE };
    }
    if (charger === undefined || (charger.password === undefined && charger.passwordHex === undefined)) {
      return { accept: false, status: 401, reason: `No credentials are configured for charge point "${id}"`, headers: BASIC_CHALLENGE };
    }
    if (!passwordMatches(creds, charger.password, charger.passwordHex)) {
      return { accept: false, status: 401, reason: `Wrong password for charge point "${id}"`, headers: BASIC_CHALLENGE };
    }
  } else if (profile === 3 && settings.requireCertificateCn) {
    // The TLS layer has already refused missing and untrusted certificates.
    if (facts.certificateCn !== id) {
      return {
        accept: false,
        status: 401,
        reason: `The client certificate's CN "${facts.certificateCn ?? ''}" is not the charge point identity "${id}"`,
      };
    }
  }

  const preference = charger?.subprotocols ?? settings.subprotocols;
  const chosen = preference.find((p) => facts.offeredSubprotocols.includes(p));
  const version = versionOfSubprotocol(chosen);
  if (chosen === undefined || version === undefined) {
    const offered = facts.offeredSubprotocols.length === 0 ? 'none' : facts.offeredSubprotocols.join(', ');
    return { accept: false, status: 400, reason: `No acceptable subprotocol: the charger offered ${offered}; this CSMS speaks ${preference.join(', ')}` };
  }
  return { accept: true, subprotocol: chosen, version };
}

/**
 * Accepts the AuthorizationKey in both forms the 1.6 security whitepaper (ed. 3 §2.3,
 * A00.FR.205) allows to arise: configured as text or as hex, sent by the charger either as
 * the text itself or as the bytes the hex digits stand for.
 */
export function passwordMatches(creds: BasicCredentials, password: string | undefined, passwordHex: string | undefined): boolean {
  const candidates: Array<[string, string]> = [];
  if (password !== undefined) {
    candidates.push([creds.password, password]);
    if (/^([0-9a-fA-F]{2})+$/.test(password)) candidates.push([creds.passwordHex, password.toLowerCase()]);
  }
  if (passwordHex !== undefined) {
    candidates.push([creds.passwordHex, passwordHex.toLowerCase()]);
    candidates.push([creds.password.toLowerCase(), passwordHex.toLowerCase()]);
  }
  let ok = false;
  for (const [sent, expected] of candidates) ok = safeEqual(sent, expected) || ok;
  return ok;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  if (x.length !== y.length) return false;
  return timingSafeEqual(x, y);
}
