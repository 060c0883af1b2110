// Export a finished replay: the engine renders it as a self-contained HTML page or as JSON
// (replay.render), the page downloads it; the desktop app also prints the HTML to PDF.
import { useState } from 'react';
import { Button } from '../../components/Button';
import { errorInfo } from '../../stores/errors';
import { useClient, useHost } from '../../stores/hooks';
import { downloadText, REPORT_FORMATS } from '../runner/download';

export function ReplayExportBar({ id }: { id: string }) {
  const client = useClient();
  const host = useHost();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const attempt = async (work: () => Promise<string | undefined>) => {
    try {
      const done = await work();
      if (done !== undefined) setMessage({ ok: true, text: done });
    } catch (err) {
      setMessage({ ok: false, text: errorInfo(err).message });
    }
  };
  const download = (format: 'html' | 'json') =>
    attempt(async () => {
      const { content } = await client.call('replay.render', { id, format });
      const { extension, type } = REPORT_FORMATS[format];
      downloadText(`${id}.${extension}`, content, type);
      return `Downloaded ${id}.${extension}`;
    });
  const pdf = () =>
    attempt(async () => {
      if (host === undefined) return undefined;
      const { content } = await client.call('replay.render', { id, format: 'html' });
      const saved = await host.savePdf({ html: content, title: `Replay report ${id}`, defaultPath: `${id}.pdf` });
      return saved === undefined ? undefined : `Saved ${saved}`;
    });

  return (
    <div className="export-bar" data-testid="replay-export">
      <span className="dim">Report:</span>
      <Button small onClick={() => void download('html')} data-testid="replay-export-html">
        HTML
      </Button>
      <Button small onClick={() => void download('json')} data-testid="replay-export-json">
        JSON
      </Button>
      {host !== undefined && (
        <Button small onClick={() => void pdf()} data-testid="replay-export-pdf">
          PDF
        </Button>
      )}
      {message !== undefined && (
        <span className={message.ok ? 'ok-text' : 'error-text'} role="status" data-testid="replay-export-message">
          {message.text}
        </span>
      )}
    </div>
  );
}
