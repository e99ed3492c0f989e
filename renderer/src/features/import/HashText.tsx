import { useId } from 'react';

const SHORT = 12;

/**
 * A hash as investigators need it: short in tables (the full value on hover), or in full in a read-only field that
 * selects itself on focus so it can be copied into a 提取笔录 without retyping.
 */
export function HashText({ value, label, full }: { value: string; label?: string; full?: boolean }) {
  const id = useId();
  if (!full) {
    return (
      <code className="hash" title={value}>
        {value.length > SHORT ? `${value.slice(0, SHORT)}…` : value}
      </code>
    );
  }
  return (
    <div className="hash-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} className="hash-input" readOnly value={value} rows={2} spellCheck={false} onFocus={(event) => event.target.select()} />
    </div>
  );
}
