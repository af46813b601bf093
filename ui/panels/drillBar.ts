import { byId, el } from '../dom';
import { type DrillSession, roleKey } from '../drill/drillSession';
import { isRole, type Role } from '../drill/roles';
import { formatClock } from '../format';
import { t } from '../i18n/index';
import { type DrillStore, watchText } from '../store';

/**
 * The drill's controls in the toolbar: start a drill, import a record; while a drill runs, its session,
 * the seat commands are given from, whether the record is saved, export and end.
 */
export function mountDrillBar(store: DrillStore, session: DrillSession, openStartDialog: () => void): void {
  const bar = byId<HTMLDivElement>('drill-bar');
  const start = el('button', { attrs: { id: 'new-drill', type: 'button' } });
  const importButton = el('button', { attrs: { id: 'import-record', type: 'button' } });
  const fileInput = el('input', { attrs: { id: 'record-file', type: 'file', accept: '.json,application/json', hidden: '' } });
  const badge = el('span', { className: 'drill-badge' });
  const name = el('span', { className: 'drill-session', attrs: { id: 'drill-session' } });
  const roleLabel = el('span');
  const role = el('select', { attrs: { id: 'acting-role' } });
  const saved = el('span', { className: 'drill-saved', attrs: { id: 'drill-saved' } });
  const exportButton = el('button', { attrs: { id: 'export-record', type: 'button' } });
  const endButton = el('button', { attrs: { id: 'end-drill', type: 'button' } });
  const live = el('span', { className: 'drill-live' }, [badge, name, el('label', { className: 'field' }, [roleLabel, role]), saved, exportButton, endButton]);
  bar.append(live, start, importButton, fileInput);

  start.addEventListener('click', openStartDialog);
  importButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    // Clear the choice so picking the same (fixed) file again fires `change` again.
    fileInput.value = '';
    if (file) await session.importRecord(file);
  });
  role.addEventListener('change', () => {
    role.blur();
    if (isRole(role.value)) store.setState({ actingRole: role.value, commandStatus: null });
  });
  exportButton.addEventListener('click', async () => {
    const file = await session.exportRecord();
    if (file) download(file.fileName, file.text);
  });
  endButton.addEventListener('click', async () => {
    if (window.confirm(t('drill.endConfirm'))) await session.end();
  });

  watchText(
    store,
    (s) => s.drill,
    (drill) => {
      start.textContent = t('drill.new');
      importButton.textContent = t('drill.import');
      exportButton.textContent = t('drill.export');
      endButton.textContent = t('drill.end');
      badge.textContent = t('drill.badge');
      roleLabel.textContent = `${t('drill.actingAs')} `;
      live.hidden = drill === null;
      if (!drill) return;
      name.textContent = drill.sessionName;
      name.title = drill.sessionName;
      const seats: Role[] = [...drill.roles, 'facilitator'];
      const chosen = store.getState().actingRole;
      role.replaceChildren(...seats.map((seat) => el('option', { text: t(roleKey(seat)), attrs: { value: seat } })));
      role.value = seats.includes(chosen) ? chosen : seats[0];
      const reached = drill.reachedTick;
      const info = store.getState().info;
      saved.textContent =
        reached === null ? t('drill.notSavedYet') : t('drill.saved', { count: drill.entries, time: formatClock(reached * (info?.tickS ?? 0)) });
      saved.dataset.reachedTick = reached === null ? '' : String(reached);
    },
  );
  watchText(
    store,
    (s) => s.actingRole,
    (chosen) => {
      if (role.value !== chosen && [...role.options].some((o) => o.value === chosen)) role.value = chosen;
    },
  );
}

/** Hand a text file to the browser's downloads. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = el('a', { attrs: { href: url, download: fileName } });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click's task has run.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
