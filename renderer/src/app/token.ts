const STORAGE_KEY = 'chainsight.token';

interface TokenEnv {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function defaultEnv(): TokenEnv {
  return { location: window.location, history: window.history, storage: sessionStore() };
}

/**
 * The loopback server's per-launch token arrives in the URL fragment (`#token=…`, never sent to any server).
 * Keep it for this tab in sessionStorage and take it out of the visible URL, so it is not left on screen,
 * in screenshots or in bookmarks.
 */
export function takeToken(env: TokenEnv = defaultEnv()): string | null {
  const { location, history, storage } = env;
  const match = /(^#|&)token=([^&]*)/.exec(location.hash);
  const fromHash = match?.[2] ? safeDecode(match[2]) : null;
  if (match && fromHash) {
    try {
      storage?.setItem(STORAGE_KEY, fromHash);
    } catch {
      // a tab without storage still works until reload
    }
    const rest = location.hash.replace(match[0], match[1] === '#' ? '#' : '').replace(/^#&/, '#').replace(/^#$/, '');
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest}`);
    return fromHash;
  }
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
