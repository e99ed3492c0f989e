import type { CaseInfo, Operator } from '@shared/domain';
import { AuditPage } from '../features/audit/AuditPage';
import { ChatsPage } from '../features/chats/ChatsPage';
import { FindingsPage } from '../features/findings/FindingsPage';
import { FlowPage } from '../features/flow/FlowPage';
import { ImportPage } from '../features/import/ImportPage';
import { ImportSessionProvider } from '../features/import/import-session';
import { OverviewPage } from '../features/overview/OverviewPage';
import { PlannedPage } from '../features/planned/PlannedPage';
import { TransactionsPage } from '../features/transactions/TransactionsPage';
import { TimelinePage } from '../features/timeline/TimelinePage';
import { TagsPage } from '../features/tags/TagsPage';
import { useDisplayZone } from './display-zone';
import { NavBar } from './NavBar';
import type { RouteId } from './routes';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';

function Page({ route, caseInfo, navigate }: { route: RouteId; caseInfo: CaseInfo; navigate: (route: RouteId) => void }) {
  switch (route) {
    case 'overview':
      return <OverviewPage caseInfo={caseInfo} navigate={navigate} />;
    case 'import':
      return <ImportPage caseInfo={caseInfo} />;
    case 'transactions':
      return <TransactionsPage caseInfo={caseInfo} navigate={navigate} />;
    case 'chats':
      return <ChatsPage caseInfo={caseInfo} navigate={navigate} />;
    case 'timeline':
      return <TimelinePage caseInfo={caseInfo} navigate={navigate} />;
    case 'flow':
      return <FlowPage />;
    case 'findings':
      return <FindingsPage caseInfo={caseInfo} />;
    case 'tags':
      return <TagsPage caseInfo={caseInfo} />;
    case 'audit':
      return <AuditPage />;
    default:
      return <PlannedPage route={route} />;
  }
}

/** The workstation frame of UX.md: top bar, left navigation, the page, status bar. */
export function Shell({
  caseInfo,
  operator,
  route,
  navigate,
  onCases,
  onSwitchOperator,
}: {
  caseInfo: CaseInfo;
  operator: Operator;
  route: RouteId;
  navigate: (route: RouteId) => void;
  onCases: () => void;
  onSwitchOperator: () => void;
}) {
  const zone = useDisplayZone();
  return (
    <div className="shell">
      <TopBar caseInfo={caseInfo} operator={operator} onCases={onCases} onSwitchOperator={onSwitchOperator} />
      <NavBar route={route} navigate={navigate} />
      <main className="content">
        {/* the import in progress outlives the Import page: leaving it loses neither the job nor its report */}
        <ImportSessionProvider key={caseInfo.caseDir}>
          <Page route={route} caseInfo={caseInfo} navigate={navigate} />
        </ImportSessionProvider>
      </main>
      <StatusBar caseInfo={caseInfo} zone={zone} />
    </div>
  );
}
