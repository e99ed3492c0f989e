import { useTranslation } from 'react-i18next';
import type { CaseInfo, Operator } from '@shared/domain';
import { useClient } from '../../app/client-context';
import { useSession } from '../../app/session';
import { useAction } from '../../app/use-action';
import { useCall } from '../../app/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StartFrame } from '../../components/StartFrame';
import { CreateCaseForm } from './CreateCaseForm';
import { DemoCaseOffer } from './DemoCaseOffer';
import { OpenCaseForm } from './OpenCaseForm';
import { RecentCases } from './RecentCases';

export type CaseScreenFocus = 'open' | 'new';

/** Open a recent case, open one by path, create one, or close the open one. */
export function CaseScreen({ operator, focus, onDone }: { operator: Operator; focus: CaseScreenFocus; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const session = useSession();
  const action = useAction();
  const open = session.currentCase;
  const recent = useCall('cases.recent', {});
  const noCases = recent.data !== undefined && recent.data.cases.length === 0;
  const nativeDialogs = session.appInfo?.nativeDialogs ?? false;

  const opened = (_info: CaseInfo) => {
    session.reloadCase();
    onDone();
  };

  const openCase = async (caseDir: string) => {
    const info = await action.run(() => client.call('cases.open', { caseDir }));
    if (info) opened(info);
  };

  const pickAndOpen = async () => {
    const picked = await action.run(() => client.call('dialogs.pickFolder', { title: t('cases.openTitle') }));
    if (picked?.path) await openCase(picked.path);
  };

  const createDemo = async () => {
    const demo = await action.run(() => client.call('cases.createDemo', {}));
    if (demo) opened(demo.case);
  };

  const closeCase = async () => {
    const closed = await action.run(() => client.call('cases.close', {}));
    if (closed) session.reloadCase();
  };

  return (
    <StartFrame
      title={t('cases.title')}
      aside={
        <>
          <span>{t('cases.signedInAs', { name: operator.name })}</span>
          <button type="button" className="link-button" onClick={session.forgetOperator}>
            {t('topbar.switchOperator')}
          </button>
        </>
      }
    >
      {open ? (
        <div className="notice notice-info">
          <span>{t('cases.currentCase', { name: open.meta.caseName })}</span>
          <button type="button" onClick={onDone}>
            {t('cases.backToCase')}
          </button>
          <button type="button" onClick={() => void closeCase()} disabled={action.pending}>
            {t('cases.closeCase')}
          </button>
        </div>
      ) : null}
      <ErrorNotice error={action.error} />
      {noCases && !open ? <DemoCaseOffer prominent pending={action.pending} onCreate={() => void createDemo()} /> : null}
      <div className="start-columns">
        <div className="start-column">
          <RecentCases recent={recent} onOpen={(dir) => void openCase(dir)} disabled={action.pending} />
          <section className="panel">
            <OpenCaseForm
              nativeDialogs={nativeDialogs}
              disabled={action.pending}
              onOpen={(dir) => void openCase(dir)}
              onPick={() => void pickAndOpen()}
            />
          </section>
          {noCases || open ? null : <DemoCaseOffer prominent={false} pending={action.pending} onCreate={() => void createDemo()} />}
        </div>
        <section className="panel">
          <CreateCaseForm appInfo={session.appInfo} operator={operator} onCreated={opened} autoFocus={focus === 'new'} />
        </section>
      </div>
    </StartFrame>
  );
}
