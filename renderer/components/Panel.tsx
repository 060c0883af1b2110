import type { ReactNode } from 'react';
import './controls.css';

/** A titled region with an optional toolbar on the right of its header. */
export function Panel({ title, tools, children, className, testId }: { title: ReactNode; tools?: ReactNode; children: ReactNode; className?: string; testId?: string }) {
  return (
    <section className={`panel ${className ?? ''}`} data-testid={testId}>
      <header className="panel-head">
        <h2 className="panel-title">{title}</h2>
        {tools !== undefined && <div className="panel-tools">{tools}</div>}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <div className="empty-title">{title}</div>
      {children !== undefined && <div className="empty-body">{children}</div>}
    </div>
  );
}
