// The window's views as data: the nav rail, the start page and menu shortcuts list them.
import type { ViewName } from '../../stores/app/nav-store';

export interface ViewInfo {
  name: ViewName;
  label: string;
  /** One sentence for the start page. */
  blurb: string;
  /** Alt+key shows the view. */
  key: string;
}

export const VIEW_INFO: readonly ViewInfo[] = [
  { name: 'start', label: 'Start', blurb: 'Choose what the bench does.', key: '1' },
  { name: 'traffic', label: 'Traffic', blurb: 'Every frame seen, judged: sessions, frames, findings.', key: '2' },
  { name: 'proxy', label: 'Proxy', blurb: 'Sit between a charger and its CSMS; record and judge every frame, inject faults.', key: '3' },
  { name: 'csms', label: 'CSMS', blurb: 'Stand in for the backend: answer chargers, send any CSMS-initiated action.', key: '4' },
  { name: 'sim', label: 'Simulator', blurb: 'Play one or many chargers against a CSMS; plug in, present a card, fault.', key: '5' },
  { name: 'runner', label: 'Tests', blurb: 'Run conformance cases against a charger or a CSMS; export reports.', key: '6' },
  { name: 'replay', label: 'Replay', blurb: 'Play a capture against a live peer and compare; diff and import captures.', key: '7' },
];

export const viewInfo = (name: ViewName): ViewInfo => VIEW_INFO.find((v) => v.name === name)!;
