import type { FormatSpec } from '../../types';
import { qqClassicTxt } from './classic-txt';
import { qqExporterTxt } from './exporter-txt';

export const QQ_TXT_FORMATS: readonly FormatSpec[] = [qqExporterTxt, qqClassicTxt];
