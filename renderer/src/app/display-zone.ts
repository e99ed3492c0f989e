import { useSyncExternalStore } from 'react';
import { useSession } from './session';

export const DEFAULT_DISPLAY_ZONE = 'Asia/Shanghai';

const OVERRIDE_KEY = 'chainsight.displayZone';
const overrideListeners = new Set<() => void>();

/** The zone chosen in the status bar for one case ({caseDir: zone}); it changes what is shown, never what is stored. */
function readOverrides(): Record<string, string> {
  try {
    const parsed = JSON.parse(window.sessionStorage.getItem(OVERRIDE_KEY) ?? '{}') as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

let overrides: Record<string, string> = typeof window === 'undefined' ? {} : readOverrides();

/** Show times of the case in `zone` (null: back to the case's own zone). Display only: stored instants never change. */
export function setDisplayZoneOverride(caseDir: string, zone: string | null): void {
  const next = { ...overrides };
  if (zone === null) delete next[caseDir];
  else next[caseDir] = zone;
  overrides = next;
  try {
    window.sessionStorage.setItem(OVERRIDE_KEY, JSON.stringify(next));
  } catch {
    // without storage the choice lasts until reload
  }
  for (const listener of [...overrideListeners]) listener();
}

function subscribeOverrides(listener: () => void): () => void {
  overrideListeners.add(listener);
  return () => overrideListeners.delete(listener);
}

/** The case's own zone (meta.timeZone), whatever the display shows. */
export function useCaseZone(): string {
  return useSession().currentCase?.meta.timeZone || DEFAULT_DISPLAY_ZONE;
}

/** The zone every time is shown in: the one chosen in the status bar, else the case's own zone. */
export function useDisplayZone(): string {
  const caseZone = useCaseZone();
  const caseDir = useSession().currentCase?.caseDir ?? '';
  const chosen = useSyncExternalStore(
    subscribeOverrides,
    () => overrides[caseDir],
    () => undefined,
  );
  return chosen ?? caseZone;
}
