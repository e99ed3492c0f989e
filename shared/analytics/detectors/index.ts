export { DETECTORS, detectorById } from './registry';
export { TableBuilder, TxnTable, isOrganisationName } from './table';
export type { AccountInput, NodeInfo, TxnInput } from './table';
export { ParamError, parseParamPairs, resolveParams } from './params';
export { IdentifierFilter } from './ip-exclusion';
export type { DetectContext, Detector, DeviceObservation, Hit, HitItem, Localised, ParamSpec, ParamUnit, ParamValues } from './types';
