import type { HandleRef, MessageDraft } from '@shared/parsers/types';
import type { Db } from '../db/connection';
import { rawAndHash } from './draft-writer';

/** Longest message text kept in the case; mappers cut longer ones and say so in a row warning. */
export const MAX_MESSAGE_CHARS = 1_000_000;

const handleKey = (handle: HandleRef): string => (handle.id !== '' ? `id:${handle.id}` : `name:${handle.name}`);

interface NameSeen {
  handleId: number;
  name: string;
  first: number | null;
  last: number | null;
  messages: number;
}

/**
 * Writes chat drafts inside the import job's transaction: handles and conversations are found or created once
 * (cached), members recorded, names each handle went by collected with their first and last use and written when
 * the source ends, messages inserted with their provenance and attachments.
 */
export class ChatWriter {
  private readonly handles = new Map<string, number>();
  private readonly conversations = new Map<string, number>();
  private readonly members = new Set<string>();
  private readonly names = new Map<string, NameSeen>();
  private readonly findHandle;
  private readonly insertHandle;
  private readonly renameHandle;
  private readonly findConversation;
  private readonly insertConversation;
  private readonly insertMember;
  private readonly insertMessage;
  private readonly insertAttachment;
  private readonly upsertName;

  constructor(db: Db) {
    this.findHandle = db.prepare('SELECT id FROM handle WHERE platform = ? AND key = ?').pluck();
    this.insertHandle = db.prepare('INSERT INTO handle (platform, key, ext_id, name) VALUES (?, ?, ?, ?)');
    this.renameHandle = db.prepare(
      'UPDATE handle SET name = (SELECT name FROM handle_name WHERE handle_id = ? ORDER BY last_utc DESC NULLS LAST, messages DESC LIMIT 1) WHERE id = ?',
    );
    this.findConversation = db.prepare('SELECT id FROM conversation WHERE platform = ? AND conv_key = ? AND owner_key = ?').pluck();
    this.insertConversation = db.prepare('INSERT INTO conversation (platform, conv_key, owner_key, owner_id, title, kind) VALUES (?, ?, ?, ?, ?, ?)');
    this.insertMember = db.prepare('INSERT OR IGNORE INTO conversation_member (conversation_id, handle_id) VALUES (?, ?)');
    this.insertMessage = db.prepare(`INSERT INTO message (conversation_id, sender_id, outgoing, ts_utc, ts_text, ts_offset, msg_type, text, ext_id,
        reply_to, amount_minor, recovered, source_id, sheet, line, row_hash, raw)
      VALUES (@conversation, @sender, @outgoing, @tsUtc, @tsText, @tsOffset, @type, @text, @extId, @replyTo, @amount, @recovered,
        @source, @sheet, @line, @hash, @raw)`);
    this.insertAttachment = db.prepare('INSERT INTO attachment (message_id, name, kind, sha256, size) VALUES (?, ?, ?, NULL, NULL)');
    this.upsertName = db.prepare(`INSERT INTO handle_name (handle_id, name, first_utc, last_utc, messages) VALUES (@handleId, @name, @first, @last, @messages)
      ON CONFLICT (handle_id, name) DO UPDATE SET
        first_utc = CASE WHEN first_utc IS NULL OR (excluded.first_utc IS NOT NULL AND excluded.first_utc < first_utc) THEN excluded.first_utc ELSE first_utc END,
        last_utc = CASE WHEN last_utc IS NULL OR (excluded.last_utc IS NOT NULL AND excluded.last_utc > last_utc) THEN excluded.last_utc ELSE last_utc END,
        messages = messages + excluded.messages`);
  }

  handle(ref: HandleRef): number {
    const key = handleKey(ref);
    const cacheKey = `${ref.platform}\u0000${key}`;
    let id = this.handles.get(cacheKey);
    if (id === undefined) {
      id = (this.findHandle.get(ref.platform, key) as number | undefined) ?? Number(this.insertHandle.run(ref.platform, key, ref.id, ref.name).lastInsertRowid);
      this.handles.set(cacheKey, id);
    }
    return id;
  }

  private conversation(draft: MessageDraft): number {
    const { conversation } = draft;
    const ownerKey = conversation.owner ? handleKey(conversation.owner) : '';
    const cacheKey = `${conversation.platform}\u0000${conversation.key}\u0000${ownerKey}`;
    let id = this.conversations.get(cacheKey);
    if (id === undefined) {
      const owner = conversation.owner ? this.handle(conversation.owner) : null;
      id =
        (this.findConversation.get(conversation.platform, conversation.key, ownerKey) as number | undefined) ??
        Number(this.insertConversation.run(conversation.platform, conversation.key, ownerKey, owner, conversation.title, conversation.kind).lastInsertRowid);
      this.conversations.set(cacheKey, id);
      if (owner !== null) this.member(id, owner);
    }
    return id;
  }

  private member(conversation: number, handle: number): void {
    const key = `${conversation}:${handle}`;
    if (this.members.has(key)) return;
    this.members.add(key);
    this.insertMember.run(conversation, handle);
  }

  private sawName(handleId: number, name: string, at: number | null): void {
    if (name === '') return;
    const key = `${handleId}\u0000${name}`;
    const seen = this.names.get(key);
    if (!seen) {
      this.names.set(key, { handleId, name, first: at, last: at, messages: 1 });
      return;
    }
    seen.messages += 1;
    if (at !== null) {
      if (seen.first === null || at < seen.first) seen.first = at;
      if (seen.last === null || at > seen.last) seen.last = at;
    }
  }

  /** Insert one message; returns its id. */
  writeMessage(sourceId: number, draft: MessageDraft): number {
    const conversation = this.conversation(draft);
    let sender: number | null = null;
    if (draft.sender) {
      sender = this.handle(draft.sender);
      this.member(conversation, sender);
      this.sawName(sender, draft.sender.name, draft.time.utcMs);
    }
    const { json, hash } = rawAndHash(draft.raw);
    const id = Number(
      this.insertMessage.run({
        conversation,
        sender,
        outgoing: draft.outgoing === null ? null : draft.outgoing ? 1 : 0,
        tsUtc: draft.time.utcMs,
        tsText: draft.time.original,
        tsOffset: draft.time.offsetMinutes,
        type: draft.messageType,
        text: draft.text.length > MAX_MESSAGE_CHARS ? draft.text.slice(0, MAX_MESSAGE_CHARS) : draft.text,
        extId: draft.externalId,
        replyTo: draft.replyTo,
        amount: draft.amountMinor ?? null,
        recovered: draft.recovered ? 1 : 0,
        source: sourceId,
        sheet: draft.sheet,
        line: draft.line,
        hash,
        raw: json,
      }).lastInsertRowid,
    );
    for (const attachment of draft.attachments) this.insertAttachment.run(id, attachment.name, attachment.kind);
    return id;
  }

  /** Write the names collected for this source and keep each handle's current name the latest one used. */
  finishSource(): void {
    const handles = new Set<number>();
    for (const seen of this.names.values()) {
      this.upsertName.run(seen);
      handles.add(seen.handleId);
    }
    for (const handleId of handles) this.renameHandle.run(handleId, handleId);
    this.names.clear();
  }
}
