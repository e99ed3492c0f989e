import type { FormatSpec } from '../../types';
import { forensicChatTable } from './format';

/** Chat tables of phone-forensics reports (XLSX, or the <table>s of an HTML report). */
export const FORENSIC_CHAT_FORMATS: readonly FormatSpec[] = [forensicChatTable];
