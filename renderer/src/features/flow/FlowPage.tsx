import './flow.css';
import { useTranslation } from 'react-i18next';
import { useDisplayZone } from '../../app/display-zone';
import { useHashSubRoute } from '../../app/routes';
import { FlowGraphView } from './FlowGraphView';
import { FollowUpsView } from './FollowUpsView';

type Tab = 'graph' | 'followups';

/**
 * 资金流向: the fund-flow chart with tracing (#/flow) and the follow-up request list (#/flow/followups), each tab
 * with its own address so reload and the back button keep it.
 */
export function FlowPage() {
  const { t } = useTranslation();
  const zone = useDisplayZone();
  const [sub, navigateSub] = useHashSubRoute('flow');
  const tab: Tab = sub === 'followups' ? 'followups' : 'graph';
  const select = (next: Tab) => navigateSub(next === 'followups' ? 'followups' : '');
  return (
    <div className="page flow-page">
      <header className="page-header">
        <h1>{t('nav.flow')}</h1>
        <div className="flow-tabs" role="tablist" aria-label={t('flow.tabsLabel')}>
          <button type="button" role="tab" id="flow-tab-graph" aria-selected={tab === 'graph'} aria-controls="flow-tabpanel" onClick={() => select('graph')}>
            {t('flow.tabGraph')}
          </button>
          <button type="button" role="tab" id="flow-tab-followups" aria-selected={tab === 'followups'} aria-controls="flow-tabpanel" onClick={() => select('followups')}>
            {t('flow.tabFollowUps')}
          </button>
        </div>
      </header>
      <div id="flow-tabpanel" role="tabpanel" aria-labelledby={tab === 'graph' ? 'flow-tab-graph' : 'flow-tab-followups'} className="flow-tabpanel">
        {tab === 'graph' ? <FlowGraphView zone={zone} /> : <FollowUpsView zone={zone} />}
      </div>
    </div>
  );
}
