import './forms.css';

/** A small set of exclusive choices shown side by side. */
export function Segmented<T extends string>({ value, options, onChange, label, testId }: { value: T; options: ReadonlyArray<{ value: T; label: string }>; onChange(v: T): void; label: string; testId?: string }) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((o) => (
        <button key={o.value} type="button" aria-pressed={o.value === value} onClick={() => onChange(o.value)} data-testid={testId !== undefined ? `${testId}-${o.value}` : undefined}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
