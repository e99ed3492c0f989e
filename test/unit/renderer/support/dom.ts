import { act, cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { initI18n, setLanguage } from '../../../../renderer/src/i18n';

/** Common set-up for renderer tests: i18n in zh-CN, clean storage and DOM between tests. */
export function setupRendererTests(): void {
  initI18n();
  // findBy… waits up to 1 s by default; a busy 2-core CI machine running the integration suites beside these can take seconds to mount the shell
  configure({ asyncUtilTimeout: 15_000 });
  beforeEach(async () => {
    window.sessionStorage.clear();
    window.localStorage.clear();
    window.location.hash = '';
    await setLanguage('zh-CN');
  });
  afterEach(() => {
    cleanup();
  });
}

/**
 * Let React run the effects of what is on screen (event subscriptions are made in effects): on a busy machine they
 * may still be pending when a test pushes an event right after the screen appeared.
 */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
