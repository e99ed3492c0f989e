import { useId } from 'react';
import { Field } from './Field';

/** Zones offered as suggestions; any IANA name the platform knows is accepted. */
function zoneNames(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Macau', 'UTC'];
  }
}

const ZONES = zoneNames();

export function TimeZoneField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  invalid?: string | null;
  disabled?: boolean;
}) {
  const listId = useId();
  return (
    <>
      <Field {...props} list={listId} required />
      <datalist id={listId}>
        {ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
