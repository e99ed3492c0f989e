import type { TFunction } from 'i18next';
import type { TimelineLane } from '@shared/domain';

const KNOWN_PLATFORMS = new Set(['bank', 'alipay', 'tenpay', 'wechat', 'qq', 'whatsapp', 'telegram', 'other']);

/** What a lane is called on the chart and in the picker: seized names as they are, the aggregates in words. */
export function laneLabel(t: TFunction, lane: Pick<TimelineLane, 'id' | 'kind' | 'label'>): string {
  if (lane.id === 'all:txn') return t('timeline.lanes.allTxn');
  if (lane.id === 'all:message') return t('timeline.lanes.allMessage');
  return lane.label || lane.id;
}

/** The platform or account kind in words (银行, 支付宝, 微信 …); unknown ones as the data names them. */
export function platformLabel(t: TFunction, platform: string | null): string {
  if (platform === null) return '';
  return KNOWN_PLATFORMS.has(platform) ? t(`timeline.platform.${platform as 'bank'}`) : platform;
}

/** The line under a lane's name: kind, platform and number or handle id. */
export function laneDetail(t: TFunction, lane: TimelineLane): string {
  if (lane.kind === 'all') return t('timeline.lanes.allDetail');
  const kind = lane.kind === 'conversation' ? t(`timeline.lanes.conversationKind.${lane.detail as 'group'}`, { defaultValue: lane.detail }) : lane.detail;
  return [platformLabel(t, lane.platform), kind].filter((part) => part !== '').join(' · ');
}
