/** The app's own origin: every page, script, style and font comes from app://chainsight/, nothing else loads. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'chainsight';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const INDEX_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs on the app's own origin (parsed, so `app://chainsight.evil/` or `app://x@chainsight` fail). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
