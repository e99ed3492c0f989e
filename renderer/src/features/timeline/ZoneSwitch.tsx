import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOffset, zoneOffsetMs } from '@shared/time';
import { setDisplayZoneOverride } from '../../app/display-zone';

/** Zones offered besides the case's own and this computer's: where returns and chat exports in these cases come from. */
const COMMON_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'America/New_York', 'UTC'];

function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

function offsetText(zone: string): string {
  try {
    return `UTC${formatOffset(zoneOffsetMs(Date.now(), zone) / 60_000)}`;
  } catch {
    return '';
  }
}

/**
 * The display time zone, always visible and switchable (UX.md: the status bar). Switching changes how times are
 * shown everywhere; stored instants and the case's own zone never change.
 */
export function ZoneSwitch({ caseDir, caseZone, zone }: { caseDir: string; caseZone: string; zone: string }) {
  const { t } = useTranslation();
  const id = useId();
  const local = localZone();
  const zones = [...new Set([caseZone, zone, local, ...COMMON_ZONES])];
  const label = (z: string) => {
    const name = z === caseZone ? t('timeline.zone.caseZone', { zone: z }) : z === local ? t('timeline.zone.local', { zone: z }) : z;
    const offset = offsetText(z);
    return offset ? `${name} ${offset}` : name;
  };
  const foreign = zone !== caseZone;
  return (
    <span
      className={`zone-switch${foreign ? ' zone-switch-foreign' : ''}`}
      title={foreign ? t('timeline.zone.notCaseZoneTitle', { zone, caseZone }) : t('timeline.zone.caseZoneTitle', { zone })}
    >
      <label htmlFor={id} className="muted">
        {t('timeline.zone.label')}
      </label>
      <select id={id} value={zone} onChange={(event) => setDisplayZoneOverride(caseDir, event.target.value === caseZone ? null : event.target.value)}>
        {zones.map((z) => (
          <option key={z} value={z}>
            {label(z)}
          </option>
        ))}
      </select>
      {foreign ? <span className="zone-foreign-badge">{t('timeline.zone.notCaseZone')}</span> : null}
    </span>
  );
}
