import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  disabled?: boolean;
  hint?: ReactNode;
  invalid?: string | null;
  placeholder?: string;
  list?: string;
  autoFocus?: boolean;
  name?: string;
}

/** A labelled text input; the label is a real <label> so tests and screen readers find fields by their words. */
export function Field({ label, value, onChange, required, disabled, hint, invalid, placeholder, list, autoFocus, name }: FieldProps) {
  const id = useId();
  return (
    <div className={invalid ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required" aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        name={name}
        value={value}
        required={required}
        disabled={disabled}
        placeholder={placeholder}
        list={list}
        autoFocus={autoFocus}
        aria-invalid={invalid ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {invalid ? <div className="field-error">{invalid}</div> : hint ? <div className="field-hint">{hint}</div> : null}
    </div>
  );
}
