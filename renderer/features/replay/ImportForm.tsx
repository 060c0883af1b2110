// Turn a browser HAR file or a packet capture (pcap, pcapng) into a capture the bench reads
// (capture.import); its format is read from the file.
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Segmented } from '../../components/Segmented';
import { useStores } from '../../stores/context';
import { CAPTURE_FILTERS } from '../../stores/host';
import { useImporter } from '../../stores/hooks';
import { defaultImportOut } from '../../stores/replay/import-store';
import { PathInput } from './PathInput';

const SOURCE_FILTERS = [
  { name: 'HAR and packet captures', extensions: ['har', 'pcap', 'pcapng', 'cap'] },
  { name: 'All files', extensions: ['*'] },
];

export function ImportForm() {
  const { importer } = useStores();
  const draft = useImporter((s) => s.draft);
  const running = useImporter((s) => s.running);
  const error = useImporter((s) => s.error);
  const { edit, run } = importer.getState().actions;
  return (
    <form
      className="form-grid replay-setup"
      data-testid="import-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <p className="dim field-wide form-intro">Reads WebSocket traffic from Chrome&apos;s HAR export or from tcpdump / Wireshark (pcap, pcapng; plain ws:// only — record TLS with the bench&apos;s proxy). What cannot be read is named with its stream.</p>
      <Field label="File to import" wide>
        <PathInput value={draft.path} onChange={(path) => edit({ path })} dialog={{ kind: 'open', title: 'Import a HAR or packet capture', filters: SOURCE_FILTERS }} label="File to import" testId="import-path" placeholder="/path/to/session.har | .pcap | .pcapng" />
      </Field>
      <Field label="Write the capture to" wide hint="Left empty: next to the imported file, as .jsonl">
        <PathInput value={draft.out} onChange={(out) => edit({ out })} dialog={{ kind: 'save', title: 'Write the capture to', filters: CAPTURE_FILTERS }} label="Write the capture to" testId="import-out" placeholder={defaultImportOut(draft.path) || '/path/to/capture.jsonl'} />
      </Field>
      <Field label="HAR: the browser page is" wide hint={draft.chargerSide === 'client' ? 'A browser-based charger: its sent messages go charger → CSMS' : 'A browser-based CSMS: its sent messages go CSMS → charger'}>
        <Segmented<'client' | 'server'>
          label="HAR: the browser page is"
          testId="import-side"
          value={draft.chargerSide}
          onChange={(chargerSide) => edit({ chargerSide })}
          options={[
            { value: 'client', label: 'The charger' },
            { value: 'server', label: 'The CSMS' },
          ]}
        />
      </Field>
      <label className="check field-wide">
        <input type="checkbox" checked={draft.keepCredentials} onChange={(e) => edit({ keepCredentials: e.target.checked })} data-testid="import-keep-credentials" /> Keep Basic-auth passwords (redacted by default)
      </label>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={running} data-testid="import-run">
          {running ? 'Importing…' : 'Import'}
        </Button>
        {error !== undefined && (
          <span className="form-error" role="alert" data-testid="import-error">
            {error.message}
          </span>
        )}
      </div>
    </form>
  );
}
