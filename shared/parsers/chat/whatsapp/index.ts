import type { FormatSpec } from '../../types';
import { whatsappText, whatsappZip } from './format';

export const WHATSAPP_FORMATS: readonly FormatSpec[] = [whatsappText, whatsappZip];
