import type { Client } from '@shared/api';
import type { ChatFilter, ChatMessage } from '@shared/domain';

/**
 * Where a message sits in the thread the filter selects (`chats.locate` by message id). When the filter leaves the
 * message out, the thread opens at the first message of its instant instead.
 */
export async function locateMessageIndex(client: Client, filter: ChatFilter, message: ChatMessage): Promise<number> {
  const { index } = await client.call('chats.locate', { ...filter, messageId: message.id });
  if (index >= 0 || message.utcMs === null) return Math.max(0, index);
  return (await client.call('chats.locate', { ...filter, utcMs: message.utcMs })).index;
}
