import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPaymentNodeMatcher, parsePaymentNodeList, type PaymentNodeMatcher } from '@shared/analytics/payment-nodes';
import { findAppRoot } from '../../paths';

/** The shipped list, resources/reference/payment-nodes.json (sources in payment-nodes.README.md). */
export function defaultPaymentNodesPath(): string {
  return join(findAppRoot(__dirname), 'resources', 'reference', 'payment-nodes.json');
}

let shipped: PaymentNodeMatcher | null = null;

/** The matcher over the shipped list, read and checked once. */
export function paymentNodes(): PaymentNodeMatcher {
  shipped ??= createPaymentNodeMatcher(parsePaymentNodeList(JSON.parse(readFileSync(defaultPaymentNodesPath(), 'utf8')) as unknown));
  return shipped;
}
