import type { z } from 'zod';
import type * as S from '../api/schemas';

export type Operator = z.infer<typeof S.Operator>;
export type CaseMeta = z.infer<typeof S.CaseMeta>;
export type CaseMetaInput = z.infer<typeof S.CaseMetaInput>;
export type CaseInfo = z.infer<typeof S.CaseInfo>;
export type CaseSummary = z.infer<typeof S.CaseSummary>;
export type CaseStats = z.infer<typeof S.CaseStats>;
export type LockHolder = z.infer<typeof S.LockHolder>;
export type AuditEntry = z.infer<typeof S.AuditEntry>;
export type AuditStatus = z.infer<typeof S.AuditStatus>;
export type AppInfo = z.infer<typeof S.AppInfo>;
export type JobProgress = z.infer<typeof S.JobProgress>;
export type MenuCommand = z.infer<typeof S.MenuCommand>;
export type HostKind = LockHolder['host'];
