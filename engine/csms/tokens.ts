// Authorization decisions from the id-token table: the status a token gets, and the
// idTagInfo (1.6) / idTokenInfo (2.x) that carries it. Pure.
//
// 1.6 §7.2 AuthorizationStatus (Accepted, Blocked, Expired, Invalid, ConcurrentTx — the
// last "only relevant for a StartTransaction.req"); 2.0.1/2.1 AuthorizationStatusEnumType
// adds NoCredit, NotAllowedTypeEVSE, NotAtThisLocation, NotAtThisTime and Unknown.
import type { ConcurrentTxPolicy, CsmsSettings } from '../../api/csms';
import type { OcppVersion } from '../../api/model';

const STATUSES_16 = ['Accepted', 'Blocked', 'Expired', 'Invalid', 'ConcurrentTx'];
const STATUSES_2X = [...STATUSES_16, 'NoCredit', 'NotAllowedTypeEVSE', 'NotAtThisLocation', 'NotAtThisTime', 'Unknown'];

/** Why the token is being checked: starting a transaction may hit ConcurrentTx, stopping never does. */
export type AuthorizationPurpose = 'authorize' | 'start' | 'stop';

export interface Authorization {
  status: string;
  expiryDate?: string;
  parentIdTag?: string;
}

export function concurrentPolicy(settings: CsmsSettings, version: OcppVersion): ConcurrentTxPolicy {
  return settings.concurrentTx ?? (version === '1.6' ? 'start-only' : 'authorize-and-start');
}

/**
 * The status of `token` now. `busy` says whether the token has a transaction running
 * (on any charger) other than the one the message is about.
 */
export function authorize(
  settings: CsmsSettings,
  version: OcppVersion,
  token: string,
  context: { purpose: AuthorizationPurpose; busy: boolean; now: number },
): Authorization {
  const entry = Object.hasOwn(settings.idTokens, token) ? settings.idTokens[token] : undefined;
  let status = entry?.status ?? settings.unknownIdToken;
  // A status the version does not know (e.g. Unknown in 1.6) becomes the plain refusal.
  if (!(version === '1.6' ? STATUSES_16 : STATUSES_2X).includes(status)) status = 'Invalid';
  if (status === 'Accepted' && entry?.expiryDate !== undefined && Date.parse(entry.expiryDate) <= context.now) status = 'Expired';
  if (status === 'Accepted' && context.busy && entry?.allowConcurrent !== true) {
    const policy = concurrentPolicy(settings, version);
    if ((context.purpose === 'start' && policy !== 'allow') || (context.purpose === 'authorize' && policy === 'authorize-and-start')) {
      status = 'ConcurrentTx';
    }
  }
  const out: Authorization = { status };
  if (entry?.expiryDate !== undefined) out.expiryDate = entry.expiryDate;
  if (entry?.parentIdTag !== undefined) out.parentIdTag = entry.parentIdTag;
  return out;
}

/** 1.6 IdTagInfo (§7.27). */
export function idTagInfo(a: Authorization): Record<string, unknown> {
  const info: Record<string, unknown> = { status: a.status };
  if (a.expiryDate !== undefined) info['expiryDate'] = a.expiryDate;
  if (a.parentIdTag !== undefined) info['parentIdTag'] = a.parentIdTag;
  return info;
}

/** 2.x IdTokenInfoType: the expiry becomes cacheExpiryDateTime, the parent a Central group token. */
export function idTokenInfo(a: Authorization): Record<string, unknown> {
  const info: Record<string, unknown> = { status: a.status };
  if (a.expiryDate !== undefined) info['cacheExpiryDateTime'] = a.expiryDate;
  if (a.parentIdTag !== undefined) info['groupIdToken'] = { idToken: a.parentIdTag, type: 'Central' };
  return info;
}
