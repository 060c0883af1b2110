// A file path as the engine sees it: typed (works everywhere), or chosen in the native
// dialog in the desktop app. A browser cannot tell the page where a file lives.
import type { FileFilter } from '../../../api/host';
import { Button } from '../../components/Button';
import { useHost } from '../../stores/hooks';

export interface PathInputProps {
  value: string;
  onChange(path: string): void;
  /** Open an existing file, or choose where to write one. */
  dialog: { kind: 'open' | 'save'; title: string; filters?: FileFilter[] };
  label: string;
  testId: string;
  placeholder?: string;
  invalid?: boolean;
  onEnter?(): void;
  /** After a choice in the native dialog (e.g. to check the file at once). */
  onChosen?(path: string): void;
}

export function PathInput({ value, onChange, dialog, label, testId, placeholder, invalid = false, onEnter, onChosen }: PathInputProps) {
  const host = useHost();
  const browse = async () => {
    const options = { title: dialog.title, ...(dialog.filters !== undefined ? { filters: dialog.filters } : {}) };
    const chosen = dialog.kind === 'open' ? await host?.openFile(options) : await host?.saveFile({ ...options, ...(value !== '' ? { defaultPath: value } : {}) });
    if (chosen === undefined) return;
    onChange(chosen);
    onChosen?.(chosen);
  };
  return (
    <span className="path-input">
      <input
        className="input mono"
        value={value}
        placeholder={placeholder}
        aria-label={label}
        aria-invalid={invalid}
        spellCheck={false}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && onEnter !== undefined) {
            e.preventDefault();
            onEnter();
          }
        }}
      />
      {host !== undefined && (
        <Button onClick={() => void browse()} data-testid={`${testId}-browse`}>
          {dialog.kind === 'open' ? 'Browse…' : 'Choose…'}
        </Button>
      )}
    </span>
  );
}
