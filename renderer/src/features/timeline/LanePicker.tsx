import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineLane, TimelineLanes } from '@shared/domain';
import { Dialog } from '../../components/Dialog';
import { formatCount } from '../../components/format';
import { laneDetail, laneLabel } from './lane-labels';

/** The contract's limit on lanes per query. */
export const MAX_LANES = 200;
const GROUPS = ['all', 'account', 'conversation', 'handle'] as const;

/** Choose the swimlanes: every account, conversation and chat participant with its record count, filterable. */
export function LanePicker({
  lanes,
  chosen,
  onApply,
  onClose,
}: {
  lanes: TimelineLanes;
  chosen: readonly string[];
  onApply: (lanes: string[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string[]>([...chosen]);
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const visible = useMemo(
    () =>
      lanes.lanes.filter(
        (lane) =>
          needle === '' || `${laneLabel(t, lane)} ${lane.detail}`.toLowerCase().includes(needle),
      ),
    [lanes, needle, t],
  );
  const toggle = (lane: TimelineLane) =>
    setPicked((prev) => (prev.includes(lane.id) ? prev.filter((id) => id !== lane.id) : prev.length >= MAX_LANES ? prev : [...prev, lane.id]));

  return (
    <Dialog title={t('timeline.lanes.title')} onClose={onClose}>
      <div className="lane-picker">
        <div className="lane-picker-bar">
          <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder={t('timeline.lanes.filter')} aria-label={t('timeline.lanes.filter')} />
          <span className="muted">{t('timeline.lanes.selected', { n: picked.length, max: MAX_LANES })}</span>
        </div>
        <div className="lane-picker-list">
          {GROUPS.map((group) => {
            const members = visible.filter((lane) => lane.kind === group);
            if (members.length === 0) return null;
            const omitted = group === 'all' ? 0 : lanes.omitted[group];
            return (
              <fieldset key={group}>
                <legend>{t(`timeline.lanes.group.${group}`)}</legend>
                <ul>
                  {members.map((lane) => (
                    <li key={lane.id}>
                      <label>
                        <input type="checkbox" checked={picked.includes(lane.id)} onChange={() => toggle(lane)} />
                        <bdi className="lane-name">{laneLabel(t, lane)}</bdi>
                        <span className="lane-detail">
                          <bdi>{laneDetail(t, lane)}</bdi>
                        </span>
                        <span className="lane-count num">{t('timeline.lanes.count', { n: formatCount(lane.count) })}</span>
                      </label>
                    </li>
                  ))}
                </ul>
                {omitted > 0 ? <p className="muted">{t('timeline.lanes.omitted', { n: formatCount(omitted) })}</p> : null}
              </fieldset>
            );
          })}
        </div>
        <div className="form-actions">
          <button type="button" className="primary" disabled={picked.length === 0} onClick={() => onApply(picked)}>
            {t('timeline.lanes.apply')}
          </button>
          <button type="button" onClick={() => setPicked([...lanes.defaultLanes])}>
            {t('timeline.lanes.defaults')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
