import type { ReactNode } from 'react';
import './controls.css';
import './forms.css';

/** A labelled form control with an optional hint or error under it. */
export function Field({ label, hint, error, children, wide = false }: { label: string; hint?: ReactNode; error?: string | undefined; children: ReactNode; wide?: boolean }) {
  return (
    <label className={wide ? 'field field-wide' : 'field'}>
      <span className="field-label">{label}</span>
      {children}
      {error !== undefined ? <span className="field-error">{error}</span> : hint !== undefined ? <span className="field-hint">{hint}</span> : null}
    </label>
  );
}
