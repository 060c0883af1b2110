// The filter bar: the engine's filter language, checked as you type (`filter.check`), applied
// on Enter (`frames.query`), with the wrong place underlined and the language's help at hand.
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { useStores } from '../../stores/context';
import { errorPosition } from '../../stores/errors';
import { useFilter, useFrameWindow } from '../../stores/hooks';
import { FilterHelpPanel } from './FilterHelpPanel';

const CHECK_DELAY_MS = 150;

export function FilterBar() {
  const { filter, frames } = useStores();
  const draft = useFilter((s) => s.draft);
  const checked = useFilter((s) => s.checked);
  const problem = useFilter((s) => s.problem);
  const applied = useFrameWindow((s) => s.query.filter);
  const queryError = useFrameWindow((s) => s.error);
  const input = useRef<HTMLInputElement>(null);
  const mirror = useRef<HTMLDivElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);

  // Check the draft a moment after typing stops.
  useEffect(() => {
    const timer = setTimeout(() => void filter.getState().actions.check(draft), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, filter]);

  // Ctrl+F or "/" focuses the filter from anywhere in the traffic view.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      if ((e.key === 'f' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const apply = (text = draft) => void frames.getState().actions.setQuery({ filter: text.trim() });
  const setDraft = (text: string) => filter.getState().actions.setDraft(text);

  // The error to show: the live check of the draft, else the last applied query's.
  const draftProblem = checked === draft ? problem : undefined;
  const shown = draftProblem ?? (queryError?.code === 'bad-args' && draft.trim() !== applied ? queryError : undefined);
  const where = errorPosition(shown);
  const pending = draft.trim() !== applied;

  return (
    <div className="filter-bar">
      <div className="filter-field">
        <div ref={mirror} className="filter-mirror mono" aria-hidden="true">
          {where === undefined ? draft : <Underlined text={draft} position={where.position} length={where.length} />}
        </div>
        <input
          ref={input}
          className="input filter-input mono"
          data-testid="filter-input"
          aria-label="Filter expression"
          aria-invalid={shown !== undefined}
          aria-describedby="filter-status"
          placeholder="Filter, e.g. action:Meter* & from:charger  ·  has:error  ·  latency>500   (/ or Ctrl+F)"
          spellCheck={false}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onScroll={(e) => mirror.current?.scrollTo({ left: e.currentTarget.scrollLeft })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
            else if (e.key === 'Escape') setDraft(applied);
          }}
        />
      </div>
      <Button small variant={pending ? 'primary' : 'default'} onClick={() => apply()} disabled={!pending} data-testid="filter-apply">
        Apply
      </Button>
      <Button
        small
        variant="ghost"
        onClick={() => {
          setDraft('');
          apply('');
        }}
        disabled={draft === '' && applied === ''}
        title="Clear the filter"
      >
        Clear
      </Button>
      <Button small variant="ghost" aria-expanded={helpOpen} onClick={() => setHelpOpen(!helpOpen)} data-testid="filter-help-toggle" title="The filter language">
        ?
      </Button>
      <div id="filter-status" className={shown !== undefined ? 'filter-status error-text' : 'filter-status dim'} data-testid="filter-status" role="status">
        {shown !== undefined ? shown.message : pending ? 'Enter to apply' : applied !== '' ? 'Filter applied' : ''}
      </div>
      {helpOpen && (
        <FilterHelpPanel
          onClose={() => setHelpOpen(false)}
          onUse={(example) => {
            setDraft(example);
            input.current?.focus();
          }}
        />
      )}
    </div>
  );
}

function Underlined({ text, position, length }: { text: string; position: number; length: number }) {
  const start = Math.min(position, text.length);
  const end = Math.min(text.length, start + Math.max(length, 0));
  return (
    <>
      {text.slice(0, start)}
      <span className={end > start ? 'filter-error-span' : 'filter-error-caret'}>{end > start ? text.slice(start, end) : '\u200b'}</span>
      {text.slice(end)}
    </>
  );
}
