import { AppError } from '@shared/api';
import type { GlobalSearchResult, ItemRef, ItemType, Tag, TaggedItem } from '@shared/domain';
import type { Handlers } from './fake-backend';

/** A search answer with every group empty unless given. */
export function searchResult(overrides: Partial<GlobalSearchResult> = {}): GlobalSearchResult {
  const none = { total: 0, items: [] };
  return {
    query: '',
    readAs: [],
    limit: 20,
    transactions: none,
    messages: none,
    identifiers: none,
    accounts: none,
    persons: none,
    sources: none,
    ...overrides,
  };
}

/** What the fake review backend holds: tags, their links, notes, and how each item is described. */
export interface ReviewState {
  tags: Omit<Tag, 'counts' | 'total'>[];
  links: { tagId: number; type: ItemType; id: number; at: string; by: string }[];
  notes: Map<string, { text: string; starred: boolean }>;
  /** the description of every item the case holds (an item not here does not exist) */
  items: Omit<TaggedItem, 'taggedAt' | 'taggedBy' | 'note' | 'starred'>[];
}

export function presetTags(): ReviewState['tags'] {
  const at = '2024-03-01T00:00:00.000Z';
  return [
    { id: 1, name: '代理退保', nameEn: 'Surrender-refund agent', kind: 'typology', color: '#c2410c', createdAt: at, createdBy: '链察（预置）' },
    { id: 2, name: '反催收/停息挂账', nameEn: 'Anti-collection / interest freeze', kind: 'typology', color: '#b45309', createdAt: at, createdBy: '链察（预置）' },
    { id: 6, name: '保险诈骗', nameEn: 'Insurance fraud', kind: 'typology', color: '#b91c1c', createdAt: at, createdBy: '链察（预置）' },
  ];
}

const key = (item: ItemRef) => `${item.type}:${item.id}`;

/**
 * The tag, note and search methods over an in-memory state, behaving as the contract says: presets cannot be renamed
 * or deleted, applying is idempotent, missing items are refused with `details.reason`.
 */
export function reviewHandlers(state: ReviewState, search: (value: string) => GlobalSearchResult = () => searchResult()): Handlers {
  const tag = (id: number) => {
    const found = state.tags.find((t) => t.id === id);
    if (!found) throw new AppError('BAD_INPUT', `No tag #${id}`, { details: { reason: 'no-such-tag' } });
    return found;
  };
  const full = (t: ReviewState['tags'][number]): Tag => {
    const mine = state.links.filter((l) => l.tagId === t.id);
    const counts = { txn: 0, message: 0, account: 0, person: 0, finding: 0 };
    for (const link of mine) counts[link.type] += 1;
    return { ...t, counts, total: mine.length };
  };
  const assertExist = (items: readonly ItemRef[]) => {
    const missing = items.filter((item) => !state.items.some((i) => key(i) === key(item)));
    if (missing.length > 0) throw new AppError('BAD_INPUT', 'No such item', { details: { reason: 'missing-items', missing: missing.length } });
  };
  return {
    'tags.list': () => ({ tags: state.tags.map(full) }),
    'tags.create': ({ name, color }) => {
      if (state.tags.some((t) => t.name === name.trim())) throw new AppError('BAD_INPUT', 'exists', { details: { reason: 'tag-exists' } });
      const created = { id: Math.max(99, ...state.tags.map((t) => t.id)) + 1, name: name.trim(), nameEn: null, kind: 'free' as const, color: color ?? '#2563eb', createdAt: '2024-03-02T00:00:00.000Z', createdBy: '李警官' };
      state.tags.push(created);
      return full(created);
    },
    'tags.rename': ({ tagId, name, color }) => {
      const found = tag(tagId);
      if (found.kind === 'typology' && name !== found.name) throw new AppError('BAD_INPUT', 'preset', { details: { reason: 'preset' } });
      found.name = name;
      if (color) found.color = color;
      return full(found);
    },
    'tags.delete': ({ tagId }) => {
      const found = tag(tagId);
      if (found.kind === 'typology') throw new AppError('BAD_INPUT', 'preset', { details: { reason: 'preset' } });
      const links = state.links.filter((l) => l.tagId === tagId).length;
      state.links = state.links.filter((l) => l.tagId !== tagId);
      state.tags = state.tags.filter((t) => t.id !== tagId);
      return { name: found.name, links };
    },
    'tags.apply': ({ tagId, items }) => {
      tag(tagId);
      assertExist(items);
      let applied = 0;
      const distinct = new Set(items.map(key));
      for (const item of items) {
        if (state.links.some((l) => l.tagId === tagId && key(l) === key(item))) continue;
        state.links.push({ tagId, type: item.type, id: item.id, at: '2024-03-05T02:00:00.000Z', by: '李警官（某市公安局经侦支队，警号 012345）' });
        applied += 1;
      }
      return { applied, already: distinct.size - applied };
    },
    'tags.remove': ({ tagId, items }) => {
      const before = state.links.length;
      const gone = new Set(items.map(key));
      state.links = state.links.filter((l) => !(l.tagId === tagId && gone.has(key(l))));
      return { removed: before - state.links.length };
    },
    'tags.items': ({ tagId, type, offset = 0, limit = 100 }) => {
      tag(tagId);
      const links = state.links.filter((l) => l.tagId === tagId && (type === undefined || l.type === type));
      const items = links.slice(offset, offset + limit).map((link): TaggedItem => {
        const item = state.items.find((i) => key(i) === key(link));
        const note = state.notes.get(key(link));
        return {
          ...(item ?? { type: link.type, id: link.id, exists: false, utcMs: null, timeText: null, title: `#${link.id}`, subtitle: null, detail: null, context: null, amountMinor: null, currency: null, direction: null }),
          taggedAt: link.at,
          taggedBy: link.by,
          note: note?.text ? note.text : null,
          starred: note?.starred ?? false,
        };
      });
      return { total: links.length, offset, items };
    },
    'tags.ofItems': ({ items }) => ({
      items: items.map((item) => {
        const note = state.notes.get(key(item));
        return {
          type: item.type,
          id: item.id,
          tags: state.links.filter((l) => key(l) === key(item)).map((l) => {
            const { id, name, nameEn, kind, color } = tag(l.tagId);
            return { id, name, nameEn, kind, color };
          }),
          note: note?.text ? note.text : null,
          starred: note?.starred ?? false,
        };
      }),
    }),
    'notes.get': ({ item }) => {
      const note = state.notes.get(key(item));
      return { item, text: note?.text ?? '', starred: note?.starred ?? false, updatedAt: note ? '2024-03-05T02:00:00.000Z' : null, updatedBy: note ? '李警官' : null };
    },
    'notes.set': ({ item, text, starred }) => {
      assertExist([item]);
      if (text.trim() === '' && !starred) state.notes.delete(key(item));
      else state.notes.set(key(item), { text, starred });
      return { item, text: text.trim() === '' ? '' : text, starred, updatedAt: '2024-03-05T02:00:00.000Z', updatedBy: '李警官' };
    },
    'search.global': ({ value, limit = 20 }) => ({ ...search(value), query: value, limit }),
  };
}

/** A state with the presets, a free tag and a transaction, a message and an account to tag. */
export function reviewState(): ReviewState {
  return {
    tags: [...presetTags(), { id: 100, name: '重点嫌疑', nameEn: null, kind: 'free', color: '#059669', createdAt: '2024-03-02T00:00:00.000Z', createdBy: '李警官' }],
    links: [],
    notes: new Map(),
    items: [
      {
        type: 'txn', id: 21, exists: true, utcMs: Date.UTC(2024, 2, 1, 2, 0), timeText: '2024-03-01 10:00', title: '6230580000000000001', subtitle: '陈静',
        detail: '王小红 6222020200112233446', context: '微信转账', amountMinor: -500000, currency: 'CNY', direction: 'out',
      },
      {
        type: 'message', id: 7, exists: true, utcMs: Date.UTC(2024, 2, 1, 3, 0), timeText: '2024/3/1 11:00', title: '张三', subtitle: null,
        detail: '全额退保，先交5000定金，联系13812345678', context: '退保群', amountMinor: 500000, currency: 'CNY', direction: null,
      },
      {
        type: 'account', id: 3, exists: true, utcMs: null, timeText: null, title: '6214620112345677', subtitle: '李明华', detail: '110105198503121234',
        context: '广发银行', amountMinor: null, currency: null, direction: null,
      },
    ],
  };
}
