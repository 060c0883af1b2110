// Where a finding points, in the frame's JSON: the payload element of the message array
// plus the finding's JSON Pointer, or a bare array element for framing findings.
import type { Finding } from '../../../api/model';
import { parsePointer } from '../../components/json/pointer';
import type { JsonTarget } from '../../stores/inspector/inspector-store';

export function findingTarget(finding: Finding, payloadElement: number | undefined): JsonTarget | undefined {
  if (finding.path !== undefined && payloadElement !== undefined) return { element: payloadElement, pointer: finding.path };
  if (finding.element !== undefined) return { element: finding.element, pointer: '' };
  return undefined;
}

export function targetSegments(target: JsonTarget | undefined): string[] | undefined {
  if (target === undefined) return undefined;
  try {
    return [String(target.element), ...parsePointer(target.pointer)];
  } catch {
    return [String(target.element)];
  }
}

/** How a target reads: `payload/status`, `element 1`. */
export function targetLabel(target: JsonTarget, payloadElement: number | undefined): string {
  if (target.element === payloadElement) return target.pointer === '' ? 'payload' : `payload${target.pointer}`;
  return `element ${target.element}${target.pointer}`;
}
