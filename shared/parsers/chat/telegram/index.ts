import type { FormatSpec } from '../../types';
import { telegramHtml } from './telegram-html';
import { telegramJson } from './telegram-json';

/** Telegram Desktop's "Export chat history": result.json (one chat or the whole account) and messages*.html. */
export const TELEGRAM_FORMATS: readonly FormatSpec[] = [telegramJson, telegramHtml];
