import { useEffect, useRef, type ReactNode } from 'react';

/**
 * An ordered list that keeps its end in view while the user is there, and stays put once
 * they scroll up (the live logs of the test runner and of a replay).
 */
export function FollowingList({ changes, className, testId, children }: { changes: unknown; className: string; testId: string; children: ReactNode }) {
  const box = useRef<HTMLOListElement>(null);
  const atEnd = useRef(true);
  useEffect(() => {
    const el = box.current;
    if (el !== null && atEnd.current) el.scrollTop = el.scrollHeight;
  }, [changes]);
  return (
    <ol
      ref={box}
      className={className}
      data-testid={testId}
      onScroll={(e) => {
        const el = e.currentTarget;
        atEnd.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 20;
      }}
    >
      {children}
    </ol>
  );
}
