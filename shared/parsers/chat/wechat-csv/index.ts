import type { FormatSpec } from '../../types';
import { wechatChatCsv } from './chat-csv';

export const WECHAT_CSV_FORMATS: readonly FormatSpec[] = [wechatChatCsv];
