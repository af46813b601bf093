import type { Scenario } from '../../sim/index';
import type { Levers } from '../../sim/scenario/schemaWarning';
import { formatNumber, formatTable } from '../output';
import { listRows } from './infoWarning';

type Governance = NonNullable<Scenario['governance']>;

/** The organisations of a scenario as plain data for `drill info --json`; null without a governance section. */
export function describeGovernance(scenario: Scenario) {
  const g = scenario.governance;
  if (!g) return null;
  return {
    community: g.community,
    organisations: g.organisations.map((o) => ({
      id: o.id,
      name: o.name ?? null,
      kind: o.kind,
      staff: o.staff,
      reportsTo: o.reportsTo ?? null,
      approves: o.approves,
      support: o.support.map((u) => ({ id: u.id, kind: u.kind, staff: u.staff, arrivalS: u.arrivalS })),
    })),
    stores: g.stores.map((s) => ({ id: s.id, owner: s.owner, supplies: s.supplies })),
    shelters: g.shelters.map((s) => ({ place: s.place, supplies: s.supplies })),
  };
}

/** Lines of `drill info` for the organisations: who reports to whom, who approves what, what each can send. */
export function formatGovernance(g: Governance): string[] {
  const rows = g.organisations.map((o) => [
    o.id === g.community ? `${o.id} (command post)` : o.id,
    o.kind,
    o.staff ? `${formatNumber(o.staff, 0)} staff` : '',
    o.reportsTo ? `→ ${o.reportsTo}` : '(top)',
    o.approves.length ? `approves ${o.approves.join(', ')}` : '',
    o.support.length ? `sends ${o.support.map((u) => `${u.id} (${u.kind}, ${formatNumber(u.arrivalS)} s)`).join(', ')}` : '',
  ]);
  const stores = g.stores.map((s) => [s.id, `of ${s.owner}`, amounts(s.supplies)]);
  const shelters = g.shelters.map((s) => [s.place, amounts(s.supplies)]);
  return [
    '',
    `Organisations (${g.organisations.length})`,
    ...formatTable(rows, [], '  '),
    '',
    `Stores (${g.stores.length})`,
    ...(stores.length ? formatTable(stores, [], '  ') : ['  (none)']),
    '',
    `Shelters with supplies (${g.shelters.length})`,
    ...(shelters.length ? formatTable(shelters, [], '  ') : ['  (none)']),
  ];
}

/** A strategy's co-governance levers, as rows under its warning levers. */
export function governanceLeverRows(levers: Levers): string[][] {
  return [
    ['Autonomy', levers.autonomousDecisions ? `at once: ${levers.autonomousDecisions.join(', ') || 'nothing'}` : levers.autonomy],
    ['Data platform', levers.platform ? 'on: reports in one fast hop' : 'off: reports pass up the chains'],
    ['Volunteers', levers.volunteerTraining],
    ...listRows(
      'Shelter plan',
      levers.shelterPlan.map((s) => `${s.shelter}${s.afterS ? ` after ${formatNumber(s.afterS)} s` : ''}`),
    ),
    ['Supplies', levers.releaseSupplies ? 'released when the community acts' : 'kept in store'],
    ...listRows(
      'Support plan',
      levers.supportPlan.map((s) => `${s.unit}${s.afterS ? ` after ${formatNumber(s.afterS)} s` : ''}`),
    ),
  ];
}

function amounts(s: Record<string, number | undefined>): string {
  return (
    Object.entries(s)
      .filter(([, v]) => v)
      .map(([k, v]) => `${formatNumber(v ?? 0, 0)} ${k}`)
      .join(', ') || 'nothing'
  );
}
