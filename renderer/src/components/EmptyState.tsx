import type { ReactNode } from 'react';

/** What a page will show and what to do next — never fake data. */
export function EmptyState({ title, body, next, action }: { title: string; body: string; next?: string; action?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <p>{body}</p>
      {next ? <p className="empty-next">{next}</p> : null}
      {action ? <div className="empty-action">{action}</div> : null}
    </section>
  );
}
