import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '@shared/api';
import { ErrorNotice } from '../components/ErrorNotice';
import { StartFrame } from '../components/StartFrame';
import { CaseScreen, type CaseScreenFocus } from '../features/cases/CaseScreen';
import { OperatorScreen } from '../features/operators/OperatorScreen';
import { toggleLanguage } from '../i18n';
import { AboutDialog } from './AboutDialog';
import { useUnauthorized, type AuthFlag } from './auth-flag';
import { ClientProvider, useClient } from './client-context';
import { useHashRoute } from './routes';
import { SessionProvider, useSession } from './session';
import { Shell } from './Shell';
import { UnauthorizedScreen } from './UnauthorizedScreen';
import { useAction } from './use-action';
import { useMenuCommands } from './use-menu-commands';

/** Start flow: operator → case → workstation; menu commands work on every screen. */
function Workstation() {
  const { t } = useTranslation();
  const client = useClient();
  const session = useSession();
  const [route, navigate] = useHashRoute();
  const [caseScreen, setCaseScreen] = useState<CaseScreenFocus | null>(null);
  const [about, setAbout] = useState(false);
  // menu commands run outside any form: their errors show in a toast
  const menuAction = useAction();

  const closeCase = async () => {
    const closed = await menuAction.run(() => client.call('cases.close', {}));
    if (closed) {
      setCaseScreen(null);
      session.reloadCase();
    }
  };

  /** With native dialogs, 打开案件 from the menu goes straight to the folder picker. */
  const openFromMenu = async () => {
    if (!session.operator || !session.appInfo?.nativeDialogs) {
      setCaseScreen('open');
      return;
    }
    const picked = await menuAction.run(() => client.call('dialogs.pickFolder', { title: t('cases.openTitle') }));
    if (!picked?.path) return;
    const path = picked.path;
    const opened = await menuAction.run(() => client.call('cases.open', { caseDir: path }));
    if (opened) {
      setCaseScreen(null);
      session.reloadCase();
    }
  };

  useMenuCommands({
    'case.new': () => setCaseScreen('new'),
    'case.open': () => void openFromMenu(),
    'case.close': () => void closeCase(),
    'lang.toggle': () => void toggleLanguage(),
    'view.audit': () => {
      setCaseScreen(null);
      navigate('audit');
    },
    'help.about': () => setAbout(true),
  });

  let screen;
  if (session.loading) {
    screen = (
      <StartFrame title={t('app.name')}>
        <p className="muted">{t('app.loading')}</p>
      </StartFrame>
    );
  } else if (session.error) {
    screen = (
      <StartFrame title={t('app.name')}>
        <ErrorNotice error={session.error} onRetry={session.retry} />
      </StartFrame>
    );
  } else if (!session.operator) {
    screen = <OperatorScreen />;
  } else if (!session.currentCase || caseScreen) {
    screen = <CaseScreen operator={session.operator} focus={caseScreen ?? 'open'} onDone={() => setCaseScreen(null)} />;
  } else {
    screen = (
      <Shell
        caseInfo={session.currentCase}
        operator={session.operator}
        route={route}
        navigate={navigate}
        onCases={() => setCaseScreen('open')}
        onSwitchOperator={session.forgetOperator}
      />
    );
  }

  return (
    <>
      {screen}
      {menuAction.error ? (
        <div className="toast">
          <ErrorNotice error={menuAction.error} onDismiss={menuAction.clearError} />
        </div>
      ) : null}
      {about ? <AboutDialog info={session.appInfo} onClose={() => setAbout(false)} /> : null}
    </>
  );
}

export function App({ client, auth }: { client: Client; auth?: AuthFlag }) {
  const unauthorized = useUnauthorized(auth);
  if (unauthorized) return <UnauthorizedScreen />;
  return (
    <ClientProvider client={client}>
      <SessionProvider>
        <Workstation />
      </SessionProvider>
    </ClientProvider>
  );
}
