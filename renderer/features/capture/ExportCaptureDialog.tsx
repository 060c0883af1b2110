// Save (part of) the opened capture as a new file: the frames the current filter and
// session show, byte for byte, with their sessions' records (capture.export).
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useStores } from '../../stores/context';
import { CAPTURE_FILTERS } from '../../stores/host';
import { useCapture, useFrameWindow, useHost, useSessions } from '../../stores/hooks';

export function ExportCaptureDialog({ onClose }: { onClose(): void }) {
  const { capture } = useStores();
  const host = useHost();
  const source = useCapture((s) => s.opened?.path) ?? '';
  const exported = useCapture((s) => s.exported);
  const error = useCapture((s) => s.error);
  const filter = useFrameWindow((s) => s.query.filter);
  const session = useFrameWindow((s) => s.query.session);
  const chargePoint = useSessions((s) => (session !== undefined ? s.byId.get(session)?.chargePointId : undefined));
  const [out, setOut] = useState(source.replace(/(\.jsonl)?$/, '-export.jsonl'));
  const [useFilter, setUseFilter] = useState(filter !== '');
  const [useSession, setUseSession] = useState(session !== undefined);
  const [busy, setBusy] = useState(false);

  const choose = async () => {
    const path = await host?.saveFile({ title: 'Export capture', defaultPath: out, filters: CAPTURE_FILTERS });
    if (path !== undefined) setOut(path);
  };
  const run = async () => {
    setBusy(true);
    await capture.getState().actions.exportTo(out.trim(), { ...(useFilter ? { filter } : {}), ...(useSession && session !== undefined ? { session } : {}) });
    setBusy(false);
  };

  return (
    <Dialog
      title="Export capture"
      testId="export-capture"
      onEscape={onClose}
      actions={
        <>
          <Button variant="ghost" onClick={onClose}>
            Close
          </Button>
          <Button variant="primary" disabled={busy || out.trim() === ''} onClick={() => void run()} data-testid="export-capture-run">
            {busy ? 'Exporting…' : 'Export'}
          </Button>
        </>
      }
    >
      <div className="form-grid">
        <Field label="From" wide>
          <span className="mono">{source}</span>
        </Field>
        <Field label="To" wide>
          <span className="open-capture-row">
            <input className="input mono" value={out} onChange={(e) => setOut(e.target.value)} data-testid="export-capture-path" spellCheck={false} />
            {host !== undefined && <Button onClick={() => void choose()}>Choose…</Button>}
          </span>
        </Field>
        <label className="check field-wide">
          <input type="checkbox" checked={useFilter} disabled={filter === ''} onChange={(e) => setUseFilter(e.target.checked)} /> Only frames matching <code>{filter === '' ? '(no filter applied)' : filter}</code>
        </label>
        <label className="check field-wide">
          <input type="checkbox" checked={useSession} disabled={session === undefined} onChange={(e) => setUseSession(e.target.checked)} /> Only the session of {chargePoint ?? '(no session chosen)'}
        </label>
      </div>
      {exported !== undefined && (
        <p className="ok-text" data-testid="export-capture-done">
          Wrote {exported.frames} frames of {exported.sessions} session{exported.sessions === 1 ? '' : 's'} to {exported.out}.
          {exported.warnings.length > 0 ? ` Warnings: ${exported.warnings.join('; ')}` : ''}
        </p>
      )}
      {error !== undefined && (
        <p className="error-text" role="alert">
          {error.message}
        </p>
      )}
    </Dialog>
  );
}
