// ISO 8601 wall-clock strings, formatted once per millisecond: a busy relay stamps many
// records within the same millisecond, and Date#toISOString costs about 1–2 µs each time.
let lastMs = Number.NaN;
let lastIso = '';

export function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}
