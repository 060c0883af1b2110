// The checks CertificateSigned makes before a station installs its new certificate: the same
// in the 1.6 security whitepaper (ed. 3 A02.FR.06/07, §7.3 CertificateSignedMaxChainSize) and
// 2.0.1 (A02/A03, SecurityCtrlr.MaxCertificateChainSize). The limit and the security event's
// name are the version's.
import type { X509Certificate } from 'node:crypto';
import { answer } from './answers';
import { checkSignedChain } from './certificates';
import type { Handled } from './model';
import type { StationBase } from './station-base';

export interface ChainRules {
  /** Characters a chain may have. */
  maxChainSize: number;
  /** What is refused is said with this security event (InvalidChargePointCertificate / InvalidChargingStationCertificate). */
  invalidEvent: string;
  /** The event's techInfo for a chain over the limit. */
  tooLong: string;
}

/**
 * The answer when the chain is refused (Rejected, with the event) or when behaviour
 * accepts-invalid-certificate says Accepted without installing; else the leaf to install.
 */
export function vetSignedChain(s: StationBase & { securityEvent(type: string, techInfo?: string): void }, chain: string, rules: ChainRules): Handled | { leaf: X509Certificate } {
  if (chain.length > rules.maxChainSize) {
    return answer({ status: 'Rejected' }, () => s.securityEvent(rules.invalidEvent, rules.tooLong));
  }
  const checked = checkSignedChain(chain, s.pendingCsrKey, s.ctx.now());
  if (!checked.ok) {
    if (s.ctx.faults.has('accepts-invalid-certificate')) return answer({ status: 'Accepted' });
    s.ctx.log(`CertificateSigned rejected: ${checked.reason}`);
    return answer({ status: 'Rejected' }, () => s.securityEvent(rules.invalidEvent, checked.reason));
  }
  return { leaf: checked.leaf };
}
