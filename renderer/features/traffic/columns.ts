// The frame table's columns: one grid template shared by the header and every row.
export interface Column {
  id: string;
  label: string;
  width: string;
  title: string;
  align?: 'right';
}

export const COLUMNS: readonly Column[] = [
  { id: 'no', label: 'No.', width: '64px', title: 'Frame number in the store', align: 'right' },
  { id: 'time', label: 'Time', width: '104px', title: 'Local time the frame was seen' },
  { id: 'delta', label: 'Δt', width: '78px', title: 'Time since the previous row', align: 'right' },
  { id: 'cp', label: 'Charge point', width: 'minmax(80px, 0.8fr)', title: 'Charge point id of the session' },
  { id: 'dir', label: 'Direction', width: '74px', title: 'Who sent the frame' },
  { id: 'kind', label: 'Type', width: '62px', title: 'OCPP-J message type' },
  { id: 'action', label: 'Action', width: 'minmax(120px, 1.2fr)', title: 'Action (for a response, its request\u2019s)' },
  { id: 'id', label: 'Message id', width: 'minmax(90px, 1fr)', title: 'OCPP-J message id' },
  { id: 'latency', label: 'Latency', width: '70px', title: 'For a response: time since its request', align: 'right' },
  { id: 'pair', label: 'Pair', width: '80px', title: 'The matching request or response; click to go there' },
  { id: 'findings', label: 'Findings', width: '88px', title: 'Findings by severity' },
];

export function gridTemplate(hidden: ReadonlySet<string>): string {
  return COLUMNS.filter((c) => !hidden.has(c.id))
    .map((c) => c.width)
    .join(' ');
}
