import type { MappingPreviewRecord } from '../../domain';
import { formatAtOffset } from '../../time/format';
import type { TemplateField } from '../../domain';
import type { AccountDraft, Instant, MessageDraft, PersonDraft } from '../types';
import { ACCOUNT_LABELS, PERSON_LABELS } from './map-records';

function timeText(time: Instant): string {
  return time.utcMs === null || time.offsetMinutes === null ? time.original : formatAtOffset(time.utcMs, time.offsetMinutes);
}

function defined(fields: Record<string, string | undefined>): MappingPreviewRecord['fields'] {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(fields)) if (value !== undefined && value !== '') out[field] = value;
  return out;
}

/** The fields an account or person keeps as attributes, read back from under their labels. */
function labelled(attributes: Record<string, string>, labels: Readonly<Partial<Record<TemplateField, string>>>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [field, label] of Object.entries(labels)) out[field] = attributes[label];
  return out;
}

/**
 * What a mapped account, person or message row became, as text by template field, for the mapping screen's
 * preview: the normalised values (numbers without spaces, times at the offset they were read with), so the
 * investigator sees what will be stored rather than what the file says.
 */
export function previewRecord(draft: AccountDraft | PersonDraft | MessageDraft): MappingPreviewRecord {
  const at = { sheet: draft.sheet, line: draft.line };
  switch (draft.type) {
    case 'account': {
      const { account } = draft;
      const number = account.subAccount === '' ? account.number : `${account.number}_${account.subAccount}`;
      return {
        ...at,
        fields: defined({
          ...labelled(draft.attributes, ACCOUNT_LABELS),
          account: number,
          accountName: account.holderName,
          accountId: account.holderId,
          bank: account.bankName,
        }),
      };
    }
    case 'person':
      return { ...at, fields: defined({ ...labelled(draft.attributes, PERSON_LABELS), name: draft.name, idType: draft.idType, idNumber: draft.idNumber }) };
    case 'message':
      return {
        ...at,
        fields: defined({
          conversation: draft.conversation.key,
          conversationTitle: draft.conversation.title,
          senderId: draft.sender?.id,
          senderName: draft.sender?.name,
          time: timeText(draft.time),
          text: draft.text,
          messageType: draft.messageType,
        }),
      };
  }
}
