/**
 * 同IP/MAC/设备 (DOMAIN.md §2): accounts of different holders operated from the same device — the same public IP,
 * MAC, device id or contact phone on their online rows, logins and registrations. Accounts are joined by union-find
 * over shared values; a group with at least `minHolders` holders is a hit. Shared ranges (carrier-grade NAT,
 * private, loopback), the exclusion list (bank gateways) and placeholder MACs never link, nor does a value seen on so
 * many holders that it must be infrastructure.
 */
import { UnionFind } from '../union-find';
import { IdentifierFilter } from './ip-exclusion';
import { num, text } from './params';
import { HitBuilder, clamp01, countEn, nodeLabel } from './hit-helpers';
import type { DeviceObservation, Detector, Hit, Localised } from './types';

const KIND_WORD: Record<DeviceObservation['kind'], Localised> = {
  ip: { zh: 'IP', en: 'IP' },
  mac: { zh: 'MAC', en: 'MAC' },
  device: { zh: '设备号', en: 'device ID' },
  phone: { zh: '手机号', en: 'phone' },
};

export const sharedDevice: Detector = {
  id: 'shared-device',
  version: 1,
  category: 'link',
  name: { zh: '同IP/MAC/设备', en: 'Same IP / MAC / device' },
  description: {
    zh: '不同持有人的账户使用同一公网IP、MAC、设备号或联系电话（排除运营商NAT、内网、占位值及排除清单中的地址）。',
    en: 'Accounts of different holders used from the same public IP, MAC, device id or contact phone (carrier NAT, private ranges, placeholders and listed addresses excluded).',
  },
  params: [
    { key: 'kinds', type: 'text', default: 'ip,mac,device,phone', unit: 'text', zh: '比对哪些标识（ip,mac,device,phone）', en: 'Which identifiers (ip,mac,device,phone)' },
    { key: 'minHolders', type: 'integer', default: 2, unit: 'count', min: 2, zh: '至少涉及几名不同持有人', en: 'At least this many different holders' },
    { key: 'maxHoldersPerValue', type: 'integer', default: 30, unit: 'count', min: 2, zh: '同一标识超过此持有人数视为公共设施（网关/NAT），不作关联', en: 'A value shared by more holders than this is infrastructure (gateway/NAT), not a link' },
    { key: 'extraExclusions', type: 'text', default: '', unit: 'text', zh: '本次另外排除的地址或网段（逗号分隔）', en: 'Further addresses or ranges to exclude in this run (comma-separated)' },
  ],
  run({ table, devices, ipExclusions, checkpoint }, params) {
    const kinds = new Set(text(params, 'kinds').split(/[,，\s]+/).filter((k) => k !== ''));
    const minHolders = num(params, 'minHolders');
    const maxPerValue = num(params, 'maxHoldersPerValue');
    const filter = new IdentifierFilter([...ipExclusions, ...text(params, 'extraExclusions').split(/[,，\s]+/)]);
    const nodeOfAccount = new Map<number, number>();
    table.nodes.forEach((info, node) => {
      if (info.account !== null) nodeOfAccount.set(info.account, node);
    });
    // an account whose holder is unknown joins a group but is not counted as another person
    const holderOf = (account: number): string => {
      const node = nodeOfAccount.get(account);
      return node === undefined ? '' : (table.nodeInfo(node)?.holder ?? '');
    };
    // the same login address appears thousands of times: judge each distinct value once
    const usable = new Map<string, string | null>();
    // value → accounts and the observations behind them
    const byValue = new Map<string, { kind: DeviceObservation['kind']; value: string; accounts: Set<number>; holders: Set<string>; txns: Set<number> }>();
    for (let k = 0; k < devices.length; k++) {
      if ((k & 65535) === 0) checkpoint?.();
      const observation = devices[k];
      if (!observation || !kinds.has(observation.kind)) continue;
      const raw = `${observation.kind}:${observation.value}`;
      let value = usable.get(raw);
      if (value === undefined) {
        value = filter.usable(observation.kind, observation.value);
        usable.set(raw, value);
      }
      if (value === null) continue;
      const key = `${observation.kind}:${value}`;
      let entry = byValue.get(key);
      if (!entry) {
        entry = { kind: observation.kind, value, accounts: new Set(), holders: new Set(), txns: new Set() };
        byValue.set(key, entry);
      }
      entry.accounts.add(observation.account);
      const holder = holderOf(observation.account);
      if (holder !== '') entry.holders.add(holder);
      if (observation.txn !== null && observation.txn !== undefined) entry.txns.add(observation.txn);
    }
    const linking = [...byValue.values()].filter((e) => e.holders.size >= 2 && e.holders.size <= maxPerValue);
    const accounts = [...new Set(linking.flatMap((e) => [...e.accounts]))];
    const index = new Map(accounts.map((a, i) => [a, i]));
    const sets = new UnionFind(accounts.length);
    for (const entry of linking) {
      const [first, ...rest] = [...entry.accounts];
      if (first === undefined) continue;
      for (const other of rest) sets.union(index.get(first) ?? 0, index.get(other) ?? 0);
    }
    const components = new Map<number, { accounts: Set<number>; values: typeof linking }>();
    for (const entry of linking) {
      const first = entry.accounts.values().next().value;
      if (first === undefined) continue;
      const root = sets.find(index.get(first) ?? 0);
      const component = components.get(root) ?? { accounts: new Set<number>(), values: [] };
      for (const a of entry.accounts) component.accounts.add(a);
      component.values.push(entry);
      components.set(root, component);
    }
    const hits: Hit[] = [];
    for (const component of components.values()) {
      const holders = new Set([...component.accounts].map(holderOf).filter((h) => h !== ''));
      if (holders.size < minHolders) continue;
      const builder = new HitBuilder(table);
      for (const account of component.accounts) {
        const node = nodeOfAccount.get(account);
        if (node !== undefined) builder.node(node, 'subject');
      }
      for (const entry of component.values) for (const id of entry.txns) {
        const row = table.rowOf(id);
        if (row !== undefined) builder.row(row, 'evidence');
      }
      const names = [...component.accounts].map((a) => nodeOfAccount.get(a)).filter((n): n is number => n !== undefined).map((n) => table.nodeInfo(n)?.name ?? '').filter((n, i, all) => n !== '' && all.indexOf(n) === i);
      const first = component.values.slice(0, 3);
      const more = component.values.length > 3;
      const shown = first.map((e) => `${KIND_WORD[e.kind].zh} ${e.value}`).join('、');
      const shownEn = first.map((e) => `${KIND_WORD[e.kind].en} ${e.value}`).join(', ');
      const someNames = `${names.slice(0, 4).join('、')}${names.length > 4 ? '…' : ''}`;
      const someNamesEn = `${names.slice(0, 4).join(', ')}${names.length > 4 ? ' …' : ''}`;
      const title = {
        zh: `疑似同一设备操作：${holders.size} 名持有人的 ${component.accounts.size} 个账户共用 ${shown}${more ? ` 等 ${component.values.length} 项标识` : ''}（${someNames}）`,
        en: `Suspected same device: ${countEn(component.accounts.size, 'account')} of ${countEn(holders.size, 'holder')} share ${shownEn}${more ? ` (${component.values.length} identifiers in all)` : ''} (${someNamesEn})`,
      };
      const firstNode = nodeOfAccount.get(component.accounts.values().next().value ?? -1);
      hits.push(
        builder.build(title, clamp01(0.5 + 0.1 * component.values.length + 0.05 * holders.size), firstNode ?? null, {
          holders: holders.size,
          accounts: [...component.accounts],
          identifiers: component.values.map((e) => ({ kind: e.kind, value: e.value, accounts: [...e.accounts], holders: e.holders.size })),
          label: firstNode === undefined ? '' : nodeLabel(table, firstNode),
        }),
      );
    }
    return hits;
  },
};
