/**
 * The only two IPC channels between the renderer and Electron main. Fixed names: the bridge never forwards a
 * channel chosen by the page, so a compromised page cannot reach any other handler.
 */
export const CALL_CHANNEL = 'chainsight:call';
export const EVENT_CHANNEL = 'chainsight:event';

/** What travels on {@link CALL_CHANNEL}; main validates it again because the page is not trusted. */
export interface CallRequest {
  method: string;
  input: unknown;
}
