import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '@shared/api';
import { App } from './app/App';
import { createAuthFlag } from './app/auth-flag';
import { chooseTransport } from './app/transport';
import { initI18n } from './i18n';

initI18n();

const auth = createAuthFlag();
const chosen = chooseTransport(auth.set);
if (chosen.tokenMissing) auth.set();

// Fetch the CJK subsets of the bundled font now rather than on first paint of each glyph group, so the first
// screen never shows a fallback face (CI machines and target laptops may have no system CJK font at all).
void document.fonts.load("16px 'Noto Sans SC'", '链察资金交易案件承办人').catch(() => undefined);

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App client={createClient(chosen.transport)} auth={auth} />
  </StrictMode>,
);
