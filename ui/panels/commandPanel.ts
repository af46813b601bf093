import type { LoadedInfo } from '../../workers/simHost';
import { byId, el } from '../dom';
import { COMMAND_FORMS, type CommandForm, type FieldSpec, percentIn } from '../drill/commandForms';
import type { DrillSession } from '../drill/drillSession';
import { mayGive, type Role } from '../drill/roles';
import { type MessageKey, t } from '../i18n/index';
import { type DrillState, type DrillStore, watchText } from '../store';
import { mountPendingDecisions } from './pendingDecisions';

/** Longest text a trainee may type into a message (the scenario schema's limit). */
const MAX_TEXT = 4000;

type Option = [value: string, label: string];

/** The choices of a field, from the loaded scenario; place names are scenario text, shown as text only. */
function optionsOf(field: FieldSpec, info: LoadedInfo): Option[] {
  const named = (p: { id: string; name?: string }): Option => [p.id, p.name ? `${p.name} (${p.id})` : p.id];
  switch (field.kind) {
    case 'area':
      return [['all', t('option.wholeCommunity')], ...info.places.filter((p) => p.kind === 'zone' || p.kind === 'building').map(named)];
    case 'channel':
      return info.channels.map(named);
    case 'orderContent':
      return [
        ['evacuate', t('option.evacuate')],
        ['shelterInPlace', t('option.shelterInPlace')],
      ];
    case 'target':
      return [
        ['nearest-safe', t('option.nearestSafe')],
        ['nearest-exit', t('option.nearestExit')],
        ['nearest-shelter', t('option.nearestShelter')],
        ...info.places.filter((p) => p.kind === 'exit' || p.kind === 'shelter').map(named),
      ];
    case 'gate':
      return info.places.filter((p) => p.kind === 'exit' || p.kind === 'shelter').map(named);
    case 'team':
      return info.volunteerTeams.map(named);
    case 'task':
      return [
        ['knockDoors', t('option.knockDoors')],
        ['escortVulnerable', t('option.escortVulnerable')],
        ['patrol', t('option.patrol')],
      ];
    case 'shelter':
      return info.places.filter((p) => p.kind === 'shelter').map(named);
    case 'unit': {
      const owners = new Map(info.organisations.map((o) => [o.id, o.name ?? o.id]));
      return info.supportUnits.map((u) => [u.id, `${u.name ?? u.id} (${owners.get(u.owner) ?? u.owner})`]);
    }
    case 'hazard':
      return info.hazards.map(named);
    case 'outage':
      return info.outages.map((o) => [o.id, `${o.name ?? o.id} (${t(o.kind === 'power' ? 'option.power' : 'option.telecom')})`]);
    case 'rumourContent':
      return [
        ['stayPut', t('option.rumourStayPut')],
        ['panic', t('option.rumourPanic')],
      ];
    default:
      return [];
  }
}

function control(field: FieldSpec, info: LoadedInfo): HTMLInputElement | HTMLSelectElement {
  const attrs = { name: field.name };
  if (field.kind === 'text')
    return el('input', { attrs: { ...attrs, type: 'text', maxlength: String(MAX_TEXT), ...(field.optional ? {} : { required: '' }) } });
  if (field.kind === 'cells') {
    // x,y,w,h in cells, counted from 0 at the top-left, as scenario files write rectangles.
    return el('input', {
      attrs: { ...attrs, type: 'text', required: '', pattern: '\\s*\\d+\\s*,\\s*\\d+\\s*,\\s*\\d+\\s*,\\s*\\d+\\s*', placeholder: 'x, y, w, h' },
    });
  }
  if (field.kind === 'percent' && field.range) {
    const range = field.range;
    const input = el('input', {
      attrs: { ...attrs, type: 'number', required: '', min: String(range.min), max: String(range.max), step: 'any', value: String(range.default) },
    });
    // The browser stops the form on a bad value and shows this message, in the interface's language.
    const check = () => input.setCustomValidity(percentIn(input.value, range) === null ? t('field.percentRange', { min: range.min, max: range.max }) : '');
    input.addEventListener('input', check);
    check();
    return input;
  }
  const select = el('select', { attrs });
  for (const [value, label] of optionsOf(field, info)) select.append(el('option', { text: label, attrs: { value } }));
  return select;
}

/** A command's form in a `details` element of class `className` (data-kind names the command). */
export function formFor(
  command: CommandForm,
  info: LoadedInfo,
  give: (form: CommandForm, values: Record<string, string>) => void,
  className = 'command',
): HTMLElement {
  const controls = command.fields.map((field) => ({ field, input: control(field, info) }));
  const submit = el('button', { className: 'primary', text: t('commands.give'), attrs: { type: 'submit' } });
  const form = el('form', { className: 'command-form' }, [
    ...controls.map(({ field, input }) => el('label', { className: 'command-field' }, [el('span', { text: t(`field.${field.name}` as MessageKey) }), input])),
    submit,
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    give(command, Object.fromEntries(controls.map(({ field, input }) => [field.name, input.value])));
  });
  return el('details', { className, attrs: { 'data-kind': command.kind } }, [
    el('summary', { text: t(`command.${command.kind}` as const) }),
    el('p', { className: 'command-help', text: t(`commandHelp.${command.kind}` as const) }),
    form,
  ]);
}

/** The commands the current seat may give, as forms; shown only during a drill. */
export function mountCommandPanel(store: DrillStore, session: DrillSession): void {
  const panel = byId<HTMLElement>('command-panel');
  const forms = byId<HTMLDivElement>('command-forms');
  const status = byId<HTMLParagraphElement>('command-status');
  mountPendingDecisions(store, panel, status);

  const give = (form: CommandForm, values: Record<string, string>) => {
    const role = store.getState().actingRole;
    session.give(role, form.build(values));
  };

  // Rebuilt when the seat, the scenario or the language changes; not on every frame.
  const shape = (s: DrillState) => `${s.drill?.id ?? ''}|${s.actingRole}|${s.run}`;
  watchText(store, shape, () => {
    const { drill, info, actingRole } = store.getState();
    panel.hidden = drill === null || info === null;
    if (!drill || !info) {
      forms.replaceChildren();
      return;
    }
    const role: Role = actingRole;
    const offered = COMMAND_FORMS.filter((form) => mayGive(role, form.kind) && form.available(info));
    forms.replaceChildren(...offered.map((form) => formFor(form, info, give)));
    if (!offered.length) forms.append(el('p', { className: 'empty', text: t('commands.none') }));
  });
  watchText(
    store,
    (s) => s.commandStatus,
    (answer) => {
      status.textContent = answer?.text ?? '';
      status.className = `command-status${answer ? (answer.ok ? ' ok' : ' refused') : ''}`;
      status.dataset.key = String(answer?.key ?? 0);
    },
  );
}
