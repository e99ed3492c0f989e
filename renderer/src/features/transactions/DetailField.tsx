import type { ReactNode } from 'react';

/** One labelled value of a detail panel. */
export function Field({ label, children, title }: { label: string; children: ReactNode; title?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd title={title}>{children}</dd>
    </div>
  );
}

/** Seized text as text, isolated from the surrounding direction; a dash when absent. */
export function Text({ value }: { value: string | null | undefined }) {
  return value === null || value === undefined || value === '' ? <span className="muted">—</span> : <bdi>{value}</bdi>;
}
