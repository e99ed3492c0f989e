/**
 * Scores each detector's hits on a generated case against the generator's ground truth. What a unit and a true
 * positive are, per detector, is written down in docs/eval.md; in short: the typology rules are scored on the fee
 * (or move, or cash-back) transfers they name, the flow and link rules on accounts or transfers of the planted
 * structures, and the single-row rules have no planted truth (their hits are counted and reported as such).
 */
import type { Hit } from '@shared/analytics/detectors';
import type { RuleResult } from '../analysis/detect';
import type { InstanceRecord } from '../demo/truth-types';
import { score, type EvalResult } from './score';
import { truthAccountOf, type TruthMap } from './truth-map';

const MINUTE = 60_000;

/** transfer keys of a hit's rows with the given roles (a row the truth does not know is `txn:<id>`) */
function transferKeys(map: TruthMap, hits: readonly Hit[], roles: readonly string[] | null): Set<string> {
  const keys = new Set<string>();
  for (const hit of hits) for (const txn of hit.txns) if (!roles || roles.includes(txn.role)) keys.add(map.transferOfTxn.get(txn.id) ?? `txn:${txn.id}`);
  return keys;
}

/** account keys of a hit's accounts with the given roles (an account the truth does not know is `case:<id>`) */
function accountKeys(map: TruthMap, hits: readonly Hit[], roles: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const hit of hits) {
    for (const account of hit.accounts) if (roles.includes(account.role)) keys.add(map.truthAccount.get(account.id) ?? `case:${account.id}`);
  }
  return keys;
}

function instance(map: TruthMap, typology: InstanceRecord['typology']): InstanceRecord | undefined {
  return map.truth.typologies.find((t) => t.typology === typology);
}

function factValues(record: InstanceRecord | undefined, fact: string, key: string): string[] {
  if (!record) return [];
  return record.facts.filter((f) => f.fact === fact).flatMap((f) => {
    const value = f[key];
    return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  });
}

function feeTransfers(record: InstanceRecord | undefined): Set<string> {
  return new Set(record?.fees.map((f) => f.transfer) ?? []);
}

/** fee transfers of the other planted schemes: gang fees, but not this scheme's */
function otherSchemesFees(map: TruthMap, except: string): Set<string> {
  return new Set(map.truth.typologies.filter((t) => t.id !== except).flatMap((t) => t.fees.map((f) => f.transfer)));
}

const INSTITUTION_KINDS = new Set(['insurer', 'lender', 'card-centre', 'acquirer', 'payment-institution']);

function sharedCounterpartyTruth(map: TruthMap, minSubjects: number): Set<string> {
  const institutions = new Set(map.truth.organisations.filter((o) => INSTITUTION_KINDS.has(o.kind)).map((o) => o.id));
  const groups = new Map<string, Set<string>>();
  const add = (node: string, direction: string, owner: string): void => {
    const key = `${node}|${direction}`;
    const set = groups.get(key) ?? new Set<string>();
    set.add(owner);
    groups.set(key, set);
  };
  for (const t of map.truth.transfers) {
    if (t.benign || t.to === null) continue;
    const from = map.accounts.get(t.from);
    const to = map.accounts.get(t.to);
    if (!from || !to || from.owner === to.owner) continue;
    if (from.subject && !institutions.has(to.owner)) add(to.id, 'receives', from.owner);
    if (to.subject && !institutions.has(from.owner)) add(from.id, 'pays', to.owner);
  }
  const positives = new Set<string>();
  for (const [key, owners] of groups) if (owners.size >= minSubjects) positives.add(key.split('|')[0] ?? '');
  return positives;
}

function fastInFastOutTruth(map: TruthMap, params: Record<string, unknown>, activeDays: (account: string) => number): Set<string> {
  const window = Number(params.windowMinutes) * MINUTE;
  const minAmount = Math.round(Number(params.minAmount) * 100);
  const minRatio = Number(params.minRatio);
  const maxRatio = Number(params.maxRatio);
  const minEvents = Number(params.minEvents);
  const legs = new Map<string, { t: number; dir: 1 | -1; amount: number; other: string | null }[]>();
  for (const t of map.truth.transfers) {
    if (t.benign) continue;
    const time = Date.parse(t.time);
    const from = map.accounts.get(t.from);
    const to = t.to ? map.accounts.get(t.to) : undefined;
    if (from && to && from.owner === to.owner) continue;
    if (from?.subject) legs.set(from.id, [...(legs.get(from.id) ?? []), { t: time, dir: -1, amount: t.amountMinor, other: t.to }]);
    if (to?.subject) legs.set(to.id, [...(legs.get(to.id) ?? []), { t: time, dir: 1, amount: t.amountMinor, other: t.from }]);
  }
  const positives = new Set<string>();
  for (const [account, list] of legs) {
    list.sort((a, b) => a.t - b.t);
    const used = new Set<number>();
    let events = 0;
    list.forEach((leg, i) => {
      if (leg.dir !== 1 || leg.amount < minAmount) return;
      let sum = 0;
      const taken: number[] = [];
      for (let j = i + 1; j < list.length; j++) {
        const out = list[j];
        if (!out || out.t - leg.t > window) break;
        if (out.dir !== -1 || used.has(j) || out.other === leg.other) continue;
        sum += out.amount;
        taken.push(j);
        if (sum >= minRatio * leg.amount) break;
      }
      if (taken.length > 0 && sum >= minAmount && sum / leg.amount >= minRatio && sum / leg.amount <= maxRatio) {
        events++;
        for (const j of taken) used.add(j);
      }
    });
    // the day variant: days with planted money both in and out above the minimum (the share of active days needs
    // the unplanted rows too, which the truth does not list, so only the number of days is checked)
    const dayShare = Number(params.dayShare);
    const days = new Map<number, { in: number; out: number }>();
    for (const leg of list) {
      const day = Math.floor((leg.t + 8 * 3_600_000) / 86_400_000);
      const entry = days.get(day) ?? { in: 0, out: 0 };
      if (leg.dir === 1) entry.in += leg.amount;
      else entry.out += leg.amount;
      days.set(day, entry);
    }
    const bothDays = [...days.values()].filter((d) => d.in > minAmount && d.out > minAmount).length;
    const active = activeDays(account);
    if (events >= minEvents || (dayShare > 0 && bothDays >= Number(params.minDays) && active > 0 && bothDays / active >= dayShare)) positives.add(account);
  }
  return positives;
}

function nearMissAccounts(map: TruthMap, kinds: readonly string[]): Set<string> {
  return new Set(map.truth.nearMisses.filter((n) => kinds.includes(n.kind)).flatMap((n) => n.accounts));
}

/** accounts that take part in planted (non-benign) transfers */
function schemeAccounts(map: TruthMap): Set<string> {
  const out = new Set<string>();
  for (const t of map.truth.transfers) {
    if (t.benign) continue;
    out.add(t.from);
    if (t.to) out.add(t.to);
  }
  return out;
}

function subjectKeys(map: TruthMap, hits: readonly Hit[]): Set<string> {
  return new Set(hits.filter((h) => h.subject !== null).map((h) => map.truthAccount.get(h.subject ?? -1) ?? `case:${String(h.subject)}`));
}

/**
 * `activeDays(truthAccount)`: the days on which the account's statement shows a row (read from the case: the truth lists
 * planted transfers only, and the day variant of 快进快出 is a share of active days).
 */
export function scoreDemo(map: TruthMap, results: readonly RuleResult[], dataset: string, activeDays: (account: string) => number): EvalResult[] {
  const out: EvalResult[] = [];
  const byRule = new Map(results.map((r) => [r.rule, r]));
  const push = (rule: string, build: (r: RuleResult) => EvalResult): void => {
    const result = byRule.get(rule);
    if (result) out.push(build(result));
  };
  const typology = (rule: string, kind: InstanceRecord['typology'], role: string, facts: readonly (readonly [string, string])[], note: string): void =>
    push(rule, (r) => {
      const record = instance(map, kind);
      const positives = new Set(facts.flatMap(([fact, key]) => factValues(record, fact, key)));
      const accepted = new Set([...positives, ...feeTransfers(record)]);
      return score({ detector: rule, dataset, unit: 'transfer', params: r.params, predicted: transferKeys(map, r.hits, [role]), positives, accepted, neutral: otherSchemesFees(map, record?.id ?? ''), note });
    });

  typology('insurance-surrender', 'insurance-surrender', 'fee', [['client', 'feeTransfer']], "fee rows against each client's commission transfer (T1 facts.feeTransfer); any T1 fee record counts as correct, other schemes' fees are neutral");
  typology('anti-collection', 'anti-collection', 'fee', [['repayments-stop', 'feeTransfer']], "fee rows against each debtor's fee (T2 facts.feeTransfer); T2 deposits count as correct, other schemes' fees to the same gang are neutral");
  typology('loan-intermediary', 'loan-intermediary', 'fee', [['loan', 'feeTransfer'], ['ab-loan', 'feeTransfer']], "fee rows against each borrower's intermediary fee (T3 facts.feeTransfer); T3 package fees count as correct, other schemes' fees are neutral");
  typology('debt-evasion', 'debt-evasion', 'move', [['evasion', 'moves']], "moved rows against the evader's transfers to his relatives (T4 facts.moves)");
  typology('card-cash-out', 'card-cash-out', 'cash-back', [['cash-out-cycle', 'cashBack']], "cash-back rows against each cycle's merchant-to-holder transfer (T5 facts.cashBack)");

  push('pass-through', (r) => {
    const positives = new Set<string>();
    for (const path of map.truth.passThrough) for (const hop of path.hops.slice(0, -1)) positives.add(hop.to);
    // AB loans: the nominal borrower's account passes the loan on to the real user, keeping a small kickback
    for (const disbursement of factValues(instance(map, 'loan-intermediary'), 'ab-loan', 'disbursement')) {
      const to = map.transfers.get(disbursement)?.to;
      if (to) positives.add(to);
    }
    return score({ detector: 'pass-through', dataset, unit: 'account', params: r.params, predicted: subjectKeys(map, r.hits), positives, note: 'flagged accounts against the mule accounts of the planted chains and the nominal borrowers of AB loans (who pass the loan on)' });
  });
  push('cycle', (r) => {
    const t3 = instance(map, 'loan-intermediary');
    const t5 = instance(map, 'card-cash-out');
    const positives = new Set([...factValues(t3, 'circular-round', 'out'), ...factValues(t3, 'circular-round', 'back'), ...factValues(t5, 'cash-out-cycle', 'spend'), ...factValues(t5, 'cash-out-cycle', 'cashBack'), ...factValues(t5, 'cash-out-cycle', 'repayment')]);
    return score({ detector: 'cycle', dataset, unit: 'transfer', params: r.params, predicted: transferKeys(map, r.hits, null), positives, note: "transfers of the hits' cycles against the planted round trips (T3 circular rounds, T5 spend → cash-back → card repayment)" });
  });
  push('shared-counterparty', (r) => {
    const predicted = new Set<string>();
    for (const hit of r.hits) {
      const node = hit.detail.counterparty as { account: number | null; number: string } | undefined;
      if (!node) continue;
      predicted.add(truthAccountOf(map, node) ?? `number:${node.number}`);
    }
    return score({ detector: 'shared-counterparty', dataset, unit: 'account', params: r.params, predicted, positives: sharedCounterpartyTruth(map, Number(r.params.minSubjects)), note: 'counterparties against the accounts that planted (non-benign) transfers connect to at least minSubjects subjects of other owners in one direction (institutions left out on both sides)' });
  });
  push('shared-device', (r) => {
    const positives = new Set(map.truth.devices.filter((d) => !d.benign).flatMap((d) => d.accounts));
    return score({ detector: 'shared-device', dataset, unit: 'account', params: r.params, predicted: accountKeys(map, r.hits, ['subject']), positives, note: 'linked accounts against the accounts of non-benign shared identifiers (the organiser’s and the agent’s devices and phones); carrier NAT addresses are the near-miss' });
  });
  push('fast-in-fast-out', (r) =>
    score({ detector: 'fast-in-fast-out', dataset, unit: 'account', params: r.params, predicted: subjectKeys(map, r.hits), positives: fastInFastOutTruth(map, r.params, activeDays), note: 'flagged accounts against subjects that pass planted money on within the rule’s own window, size and ratio, or have minDays days of planted money in and out above the minimum (planted transfers from the ground truth; active days from the statements)' }),
  );
  for (const [rule, kinds] of [
    ['fan-in', ['merchant-fan-in']],
    ['fan-out', ['payroll-fan-out']],
  ] as const) {
    push(rule, (r) => {
      const predicted = subjectKeys(map, r.hits);
      const nearMiss = nearMissAccounts(map, kinds);
      const onNearMiss = [...predicted].filter((k) => nearMiss.has(k)).length;
      return score({
        detector: rule,
        dataset,
        unit: 'account',
        params: r.params,
        predicted,
        positives: new Set(),
        neutral: schemeAccounts(map),
        note: `nothing of this shape is planted, so every flag on an account outside the planted schemes is a false alarm (flags on scheme accounts are neutral); ${nearMiss.size} near-miss account(s) (${kinds.join(', ')}) present, ${onNearMiss} flagged`,
      });
    });
  }
  push('night-holiday', (r) => {
    const positives = nearMissAccounts(map, ['night-activity']);
    return score({
      detector: 'night-holiday',
      dataset,
      unit: 'account',
      params: r.params,
      predicted: subjectKeys(map, r.hits),
      positives,
      neutral: schemeAccounts(map),
      note: 'flagged accounts against the night-shift workers (near-miss night-activity), the accounts that do trade mostly at night; scheme accounts whose planted transfers fall at night (mules) are neutral',
    });
  });
  for (const rule of ['large-value', 'round-amount', 'structuring', 'frequent']) {
    push(rule, (r) => score({ detector: rule, dataset, unit: 'account', params: r.params, predicted: subjectKeys(map, r.hits), positives: new Set(), scored: false, note: 'the generator plants nothing for this rule: hits are counted, not scored' }));
  }
  return out;
}
