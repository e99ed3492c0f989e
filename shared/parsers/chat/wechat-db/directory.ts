import type { ConversationRef, HandleRef } from '../../types';

/**
 * What EnMicroMsg.db's side tables say about the people and rooms the messages name: `rcontact` (every account and
 * room the owner met: username, alias = the WeChat ID they chose, conRemark = the owner's note, nickname),
 * `chatroom` (memberlist `wxid_a;wxid_b`, displayname `甲、乙` in the same order) and `userinfo` (the owner:
 * id 2 = username, id 4 = nickname, id 6 = bound mobile). Names follow conRemark > nickname > alias > username.
 */

interface Contact {
  alias: string;
  conRemark: string;
  nickname: string;
}

export class WechatDirectory {
  private readonly contacts = new Map<string, Contact>();
  private readonly roomMembers = new Map<string, Map<string, string>>();
  private readonly roomNames = new Map<string, string>();
  private readonly ownerFields = new Map<string, string>();

  addContact(row: Readonly<Record<string, string>>): void {
    const username = row.username ?? '';
    if (username === '') return;
    this.contacts.set(username, { alias: row.alias ?? '', conRemark: row.conRemark ?? '', nickname: row.nickname ?? '' });
  }

  addRoom(row: Readonly<Record<string, string>>): void {
    const room = row.chatroomname ?? '';
    if (room === '') return;
    const ids = (row.memberlist ?? '').split(';').filter((id) => id !== '');
    const names = (row.displayname ?? '').split('、');
    const members = new Map<string, string>();
    // displayname lists the members' names in memberlist order; when the counts differ the pairing is unknown
    ids.forEach((id, i) => members.set(id, names.length === ids.length ? (names[i] ?? '') : ''));
    this.roomMembers.set(room, members);
    this.roomNames.set(room, row.displayname ?? '');
  }

  addOwnerField(id: string, value: string): void {
    this.ownerFields.set(id, value);
  }

  /** The account the database belongs to, when its userinfo table was read. */
  owner(): HandleRef | undefined {
    const username = this.ownerFields.get('2') ?? '';
    return username === '' ? undefined : { platform: 'wechat', id: username, name: this.ownerFields.get('4') ?? this.displayName(username) };
  }

  ownerPhone(): string {
    return this.ownerFields.get('6') ?? '';
  }

  displayName(username: string): string {
    const contact = this.contacts.get(username);
    if (contact === undefined) return username;
    return [contact.conRemark, contact.nickname, contact.alias].find((name) => name !== '') ?? username;
  }

  /** A group member's name: the contact's, else the one the room's display list gives, else the username. */
  memberName(room: string, username: string): string {
    if (this.contacts.has(username)) return this.displayName(username);
    const listed = this.roomMembers.get(room)?.get(username) ?? '';
    return listed !== '' ? listed : username;
  }

  sender(username: string, room: string | null): HandleRef {
    return { platform: 'wechat', id: username, name: room === null ? this.displayName(username) : this.memberName(room, username) };
  }

  conversation(talker: string): ConversationRef {
    const group = talker.endsWith('@chatroom');
    let title = this.displayName(talker);
    if (group && title === talker) {
      // an unnamed group is shown by its members' names, as WeChat does
      const members = this.roomNames.get(talker) ?? '';
      if (members !== '') title = members.length > 60 ? `${members.slice(0, 60)}…` : members;
    }
    const kind: ConversationRef['kind'] = group ? 'group' : talker.startsWith('gh_') ? 'channel' : 'private';
    const owner = this.owner();
    return { platform: 'wechat', key: talker, title, kind, ...(owner === undefined ? {} : { owner }) };
  }
}
