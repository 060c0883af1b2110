// A modal dialog: on top of everything, focus inside, Escape cancels when it may.
import { useEffect, useRef, type ReactNode } from 'react';
import './dialog.css';

export function Dialog({ title, children, actions, onEscape, testId }: { title: string; children: ReactNode; actions: ReactNode; onEscape?: () => void; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>('[data-autofocus], button, input')?.focus();
    return () => previous?.focus?.();
  }, []);
  useEffect(() => {
    if (onEscape === undefined) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onEscape();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onEscape]);
  return (
    <div className="dialog-backdrop">
      <div ref={box} className="dialog" role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <h2 className="dialog-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  );
}
