// Open a capture by path (works everywhere), by native dialog (Electron), or by dropping a
// file on the window (CaptureDrop). A browser cannot tell the page where a file lives, so
// there the typed path is the way.
import { useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { CAPTURE_FILTERS } from '../../stores/host';
import { useCapture, useHost } from '../../stores/hooks';
import { useOpenCapture } from './use-open-capture';

export function OpenCaptureForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const host = useHost();
  const opening = useCapture((s) => s.opening);
  const error = useCapture((s) => s.error);
  const suggested = useCapture((s) => s.suggestedPath);
  const [path, setPath] = useState('');
  const open = useOpenCapture();
  useEffect(() => {
    if (suggested !== undefined) setPath(suggested);
  }, [suggested]);
  const value = path;

  const browse = async () => {
    const chosen = await host?.openFile({ title: 'Open a capture', filters: CAPTURE_FILTERS });
    if (chosen !== undefined) {
      setPath(chosen);
      await open(chosen);
    }
  };

  return (
    <form
      className="open-capture"
      onSubmit={(e) => {
        e.preventDefault();
        void open(value);
      }}
    >
      <div className="open-capture-row">
        <input
          className="input mono"
          data-testid="capture-path"
          aria-label="Capture file path"
          placeholder="/path/to/capture.jsonl"
          value={value}
          autoFocus={autoFocus}
          spellCheck={false}
          onChange={(e) => setPath(e.target.value)}
        />
        <Button type="submit" variant="primary" disabled={opening !== undefined} data-testid="capture-open">
          {opening !== undefined ? 'Opening…' : 'Open'}
        </Button>
        {host !== undefined && <Button onClick={() => void browse()}>Browse…</Button>}
      </div>
      {error !== undefined ? (
        <div className="error-text" role="alert" data-testid="capture-error">
          {error.message}
        </div>
      ) : (
        <div className="faint">{host !== undefined ? 'Or drop a capture file on the window.' : 'Type the path as the engine sees it (this browser cannot read file locations).'}</div>
      )}
    </form>
  );
}
