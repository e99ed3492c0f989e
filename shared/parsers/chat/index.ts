import type { FormatSpec } from '../types';
import { FORENSIC_CHAT_FORMATS } from './forensic/index';
import { QQ_STRUCTURED_FORMATS } from './qq-structured/index';
import { QQ_TXT_FORMATS } from './qq-txt/index';
import { TELEGRAM_FORMATS } from './telegram/index';
import { WECHAT_CSV_FORMATS } from './wechat-csv/index';
import { WECHAT_DB_FORMATS } from './wechat-db/index';
import { WHATSAPP_FORMATS } from './whatsapp/index';

/** Chat exports (ISSUE 5): each family's formats, in the order `chainsight formats` lists them. */
export const CHAT_FORMATS: readonly FormatSpec[] = [...FORENSIC_CHAT_FORMATS, ...TELEGRAM_FORMATS, ...QQ_STRUCTURED_FORMATS, ...WECHAT_DB_FORMATS, ...WHATSAPP_FORMATS, ...QQ_TXT_FORMATS, ...WECHAT_CSV_FORMATS];
