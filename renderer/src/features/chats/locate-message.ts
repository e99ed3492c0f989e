import type { Client } from '@shared/api';
import type { ChatFilter, ChatMessage } from '@shared/domain';

const PAGE = 200;
/** Pages read past the located instant: messages sharing one timestamp are ordered by id after it. */
const MAX_PAGES = 5;

/**
 * Where a message sits in the thread the filter selects: `chats.locate` finds the first message at its instant,
 * then the pages from there are read until its id turns up. Messages without a time sort first. Falls back to the
 * located index when the message is not found (it no longer matches the filter).
 */
export async function locateMessageIndex(client: Client, filter: ChatFilter, message: ChatMessage): Promise<number> {
  const start = message.utcMs === null ? 0 : (await client.call('chats.locate', { ...filter, utcMs: message.utcMs })).index;
  for (let round = 0; round < MAX_PAGES; round += 1) {
    const offset = start + round * PAGE;
    const page = await client.call('chats.messages', { ...filter, offset, limit: PAGE });
    const at = page.messages.findIndex((m) => m.id === message.id);
    if (at >= 0) return offset + at;
    if (page.messages.length < PAGE) break;
  }
  return start;
}
