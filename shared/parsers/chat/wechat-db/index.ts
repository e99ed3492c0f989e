import type { FormatSpec } from '../../types';
import { wechatEnMicroMsg } from './enmicromsg';

/** WeChat's own databases as seized phones yield them (decrypted first). */
export const WECHAT_DB_FORMATS: readonly FormatSpec[] = [wechatEnMicroMsg];
