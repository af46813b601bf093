import { byId, el } from '../dom';
import { type DrillSession, roleKey } from '../drill/drillSession';
import { TRAINEE_ROLES, type TraineeRole } from '../drill/roles';
import { scenarioOutline, shippedScenarios } from '../drill/shippedScenarios';
import { MAX_FILE_BYTES } from '../drillController';
import { formatClock } from '../format';
import { t } from '../i18n/index';
import { type DrillStore, watchText } from '../store';
import { parseSeed } from './scenarioControls';

/** The scenario a new drill offers first: the one the page opens with. */
const DEFAULT_FILE = 'old-compound.json';
/** Value of the scenario menu's last entry, which opens a file instead. */
const FROM_FILE = '(file)';

/**
 * The start dialog: scenario (shipped or from a file), strategy, session name, trainees' roles and seed.
 * Returns the function that opens it.
 */
export function mountStartDialog(store: DrillStore, session: DrillSession): () => Promise<void> {
  const dialog = byId<HTMLDialogElement>('start-dialog');
  let fileScenario: { text: string; source: string } | null = null;

  async function open(): Promise<void> {
    const shipped = await shippedScenarios();
    fileScenario = null;
    const scenario = el('select', { attrs: { id: 'start-scenario', name: 'scenario' } });
    for (const s of shipped) scenario.append(el('option', { text: `${s.title} (${s.file})`, attrs: { value: s.file } }));
    scenario.append(el('option', { text: t('start.fromFile'), attrs: { value: FROM_FILE } }));
    scenario.value = shipped.some((s) => s.file === DEFAULT_FILE) ? DEFAULT_FILE : (shipped[0]?.file ?? FROM_FILE);
    const file = el('input', { attrs: { id: 'start-scenario-file', type: 'file', accept: '.json,application/json' } });
    const fileRow = el('label', { className: 'dialog-row' }, [el('span', { text: t('start.file') }), file]);
    const strategy = el('select', { attrs: { id: 'start-strategy', name: 'strategy' } });
    const name = el('input', { attrs: { id: 'start-session', name: 'session', type: 'text', required: '', maxlength: '200' } });
    name.value = t('start.defaultName', { date: new Date().toLocaleDateString() });
    const seed = el('input', { attrs: { id: 'start-seed', name: 'seed', type: 'text', inputmode: 'numeric', size: '10', value: '1' } });
    const roles = TRAINEE_ROLES.map((role) => {
      const box = el('input', { attrs: { type: 'checkbox', name: 'role', value: role, checked: '' } });
      return { role, box, label: el('label', { className: 'role-choice' }, [box, document.createTextNode(` ${t(roleKey(role))}`)]) };
    });
    const error = el('p', { className: 'dialog-error', attrs: { id: 'start-error', role: 'alert' } });
    const cancel = el('button', { text: t('dialog.cancel'), attrs: { type: 'button', id: 'start-cancel' } });
    const submit = el('button', { className: 'primary', text: t('start.submit'), attrs: { type: 'submit', id: 'start-submit' } });

    const strategiesOf = () => {
      if (scenario.value === FROM_FILE) return fileScenario ? scenarioOutline(fileScenario.text).strategies : [];
      return shipped.find((s) => s.file === scenario.value)?.strategies ?? [];
    };
    const showStrategies = () => {
      const list = strategiesOf();
      strategy.replaceChildren(...list.map((s) => el('option', { text: s.name, attrs: { value: s.id } })));
      if (!list.length) strategy.append(el('option', { text: t('strategy.none'), attrs: { value: '' } }));
      strategy.disabled = list.length === 0;
      fileRow.hidden = scenario.value !== FROM_FILE;
    };
    scenario.addEventListener('change', showStrategies);
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      fileScenario = null;
      error.textContent = '';
      if (chosen && chosen.size > MAX_FILE_BYTES) error.textContent = t('load.tooLarge', { size: Math.round(chosen.size / 1024 / 1024) });
      else if (chosen) fileScenario = { text: await chosen.text(), source: chosen.name };
      showStrategies();
    });
    showStrategies();

    const form = el('form', { className: 'dialog-form', attrs: { method: 'dialog' } }, [
      el('h2', { text: t('start.title') }),
      el('label', { className: 'dialog-row' }, [el('span', { text: t('start.scenario') }), scenario]),
      fileRow,
      el('label', { className: 'dialog-row' }, [el('span', { text: t('start.strategy') }), strategy]),
      el('label', { className: 'dialog-row' }, [el('span', { text: t('start.session') }), name]),
      el('fieldset', { className: 'dialog-roles' }, [el('legend', { text: t('start.roles') }), ...roles.map((r) => r.label)]),
      el('label', { className: 'dialog-row' }, [el('span', { text: t('start.seed') }), seed]),
      error,
      el('div', { className: 'dialog-buttons' }, [cancel, submit]),
    ]);
    cancel.addEventListener('click', () => dialog.close());
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const seedValue = parseSeed(seed.value);
      const chosenRoles: TraineeRole[] = roles.filter((r) => r.box.checked).map((r) => r.role);
      const source = scenario.value === FROM_FILE ? fileScenario : shipped.find((s) => s.file === scenario.value);
      if (!source) error.textContent = t('start.needFile');
      else if (seedValue === null) error.textContent = t('start.badSeed', { max: 0xffffffff });
      else if (!name.value.trim()) error.textContent = t('start.needName');
      else if (!chosenRoles.length) error.textContent = t('start.needRole');
      else {
        submit.disabled = true;
        store.setState({ loadFailure: null });
        const sourceName = 'file' in source ? source.file : source.source;
        const started = await session.start({
          text: source.text,
          source: sourceName,
          strategy: strategy.value || undefined,
          seed: seedValue,
          sessionName: name.value.trim(),
          roles: chosenRoles,
        });
        submit.disabled = false;
        // A scenario that does not load shows its errors on the page; the dialog closes to show them.
        if (started || store.getState().loadFailure) dialog.close();
      }
    });
    dialog.replaceChildren(form);
    dialog.showModal();
  }
  return open;
}

/** The offer to resume an unfinished drill found when the page opened. */
export function mountResumeDialog(store: DrillStore, session: DrillSession): void {
  const dialog = byId<HTMLDialogElement>('resume-dialog');
  watchText(
    store,
    (s) => s.resumeOffer,
    (offer) => {
      if (!offer) {
        if (dialog.open) dialog.close();
        return;
      }
      // Focus on resuming: Enter must never end a drill by accident.
      const resume = el('button', { className: 'primary', text: t('resume.resume'), attrs: { type: 'button', id: 'resume-drill', autofocus: '' } });
      const discard = el('button', { text: t('resume.discard'), attrs: { type: 'button', id: 'discard-drill' } });
      resume.addEventListener('click', () => session.resume(offer.id));
      discard.addEventListener('click', () => session.discard(offer.id));
      dialog.replaceChildren(
        el('div', { className: 'dialog-form' }, [
          el('h2', { text: t('resume.title') }),
          el('p', {
            text: t('resume.text', {
              session: offer.sessionName,
              scenario: offer.scenarioTitle,
              count: offer.entries,
              time: formatClock(offer.reachedTimeS),
              started: new Date(offer.startedAt).toLocaleString(),
            }),
          }),
          el('div', { className: 'dialog-buttons' }, [discard, resume]),
        ]),
      );
      if (!dialog.open) dialog.showModal();
    },
  );
  // Escape closes the dialog without deciding: ask again on the next visit.
  dialog.addEventListener('cancel', () => store.setState({ resumeOffer: null }));
}
