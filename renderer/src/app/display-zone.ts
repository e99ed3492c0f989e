import { useSession } from './session';

export const DEFAULT_DISPLAY_ZONE = 'Asia/Shanghai';

/** The zone every time is shown in: the case's default zone (shown in the status bar). */
export function useDisplayZone(): string {
  return useSession().currentCase?.meta.timeZone || DEFAULT_DISPLAY_ZONE;
}
