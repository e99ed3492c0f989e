import type { ChatConversation, ChatFilter, ChatMessage, ChatParticipant, LexiconGroupSummary, MentionSummary, TextSpan } from '@shared/domain';
import type { Handlers } from './fake-backend';

/** What the fake chat backend holds: the case's conversations, their messages and what the lexicon found. */
export interface ChatFixture {
  conversations: ChatConversation[];
  participants?: Record<number, ChatParticipant[]>;
  messages: ChatMessage[];
  mentions?: MentionSummary[];
  groups?: LexiconGroupSummary[];
  lexicon?: { version: number; json: string };
}

export function conversation(overrides: Partial<ChatConversation> = {}): ChatConversation {
  return {
    id: 1,
    platform: 'wechat',
    title: '退保维权交流群',
    kind: 'group',
    owner: '王经理',
    messages: 0,
    participants: 5,
    firstUtc: Date.UTC(2023, 4, 1, 2, 0, 0),
    lastUtc: Date.UTC(2023, 5, 30, 12, 0, 0),
    flagged: 0,
    sources: ['聊天记录/微信/退保维权交流群.csv'],
    ...overrides,
  };
}

export function message(overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: 1,
    conversationId: 1,
    conversationTitle: '退保维权交流群',
    senderId: 11,
    senderName: '王经理',
    outgoing: false,
    utcMs: Date.UTC(2023, 4, 1, 2, 0, 0),
    timeText: '2023/5/1 10:00:00',
    offsetMinutes: 480,
    type: 'text',
    text: '你好',
    attachments: [],
    recovered: false,
    amountMinor: null,
    txnId: null,
    lexiconScore: 0,
    dupCluster: null,
    spans: [],
    source: { sourceId: 3, file: '聊天记录/微信/退保维权交流群.csv', sheet: '', line: 2 },
    ...overrides,
  };
}

function matches(filter: ChatFilter, m: ChatMessage): boolean {
  if (filter.conversationId !== undefined && m.conversationId !== filter.conversationId) return false;
  if (filter.senderId !== undefined && m.senderId !== filter.senderId) return false;
  if (filter.lexiconGroup !== undefined && !m.spans.some((s) => s.kind === 'lexicon' && s.label === filter.lexiconGroup)) return false;
  if (filter.mentionKind !== undefined && !m.spans.some((s) => s.kind === 'mention' && s.label === filter.mentionKind)) return false;
  return true;
}

/** Time order as the backend lists it: messages without a time first, then by instant, then by id. */
function inOrder(messages: readonly ChatMessage[]): ChatMessage[] {
  return [...messages].sort((a, b) => (a.utcMs ?? -Infinity) - (b.utcMs ?? -Infinity) || a.id - b.id);
}

function hitSpans(text: string, query: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (let at = text.indexOf(query); at !== -1; at = text.indexOf(query, at + query.length)) {
    spans.push({ start: at, end: at + query.length, kind: 'search', label: 'search' });
  }
  return spans;
}

/** Handlers for the chat methods over a fixture, filtering, paging, locating and searching as the contract says. */
export function chatHandlers(fixture: ChatFixture): Handlers {
  const filtered = (filter: ChatFilter) => inOrder(fixture.messages.filter((m) => matches(filter, m)));
  return {
    'chats.conversations': () => ({ conversations: fixture.conversations }),
    'chats.participants': ({ conversationId }) => ({ participants: fixture.participants?.[conversationId] ?? [] }),
    'chats.messages': ({ offset = 0, limit = 100, ...filter }) => {
      const all = filtered(filter);
      return { total: all.length, offset, messages: all.slice(offset, offset + limit) };
    },
    'chats.locate': ({ utcMs, messageId, ...filter }) => {
      const list = filtered(filter);
      if (messageId !== undefined) return { index: list.findIndex((m) => m.id === messageId) };
      return { index: list.filter((m) => m.utcMs === null || m.utcMs < (utcMs ?? 0)).length };
    },
    'chats.message': ({ id }) => ({ message: fixture.messages.find((m) => m.id === id) ?? null }),
    'chats.search': ({ query, offset = 0, limit = 100, ...filter }) => {
      const hits = filtered(filter)
        .filter((m) => m.text.includes(query))
        .map((m) => ({ ...m, spans: [...hitSpans(m.text, query), ...m.spans] }));
      return { total: hits.length, offset, messages: hits.slice(offset, offset + limit) };
    },
    'chats.mentions': ({ kind }) => ({ mentions: (fixture.mentions ?? []).filter((m) => kind === undefined || m.kind === kind) }),
    'lexicon.groups': () => ({ version: fixture.lexicon?.version ?? 1, groups: fixture.groups ?? [] }),
    'lexicon.get': () => fixture.lexicon ?? { version: 1, json: '{"version":"1.0.0","groups":[]}' },
    'lexicon.save': ({ json }) => {
      const version = (fixture.lexicon?.version ?? 1) + 1;
      fixture.lexicon = { version, json };
      return { version, hits: 0 };
    },
  };
}
