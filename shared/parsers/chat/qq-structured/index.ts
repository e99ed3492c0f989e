import type { FormatSpec } from '../../types';
import { qceHtml } from './qce-html';
import { qceJson } from './qce-json';

/** QQChatExporter (shuakami/qq-chat-exporter) exports with structure: JSON and HTML. Its TXT is a 'lines' format. */
export const QQ_STRUCTURED_FORMATS: readonly FormatSpec[] = [qceJson, qceHtml];
