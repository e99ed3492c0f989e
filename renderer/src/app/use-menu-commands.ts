import type { MenuCommand } from '@shared/domain';
import { useEvent } from './client-context';

/** The Electron application menu arrives as `menu.invoked`; each command maps to one handler. */
export function useMenuCommands(handlers: Record<MenuCommand, () => void>): void {
  useEvent('menu.invoked', ({ command }) => handlers[command]());
}
