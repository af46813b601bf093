import defaultScenarioText from '../scenarios/old-compound.json?raw';
import { byId } from './dom';
import { createDrillSession } from './drill/drillSession';
import { RecordStore } from './drill/recordStore';
import { createDrillController } from './drillController';
import { rememberedLanguage, setLanguage, t } from './i18n/index';
import { bindShortcuts } from './keyboard';
import { MapView } from './map/MapView';
import { mountCommandPanel } from './panels/commandPanel';
import { mountDrillBar } from './panels/drillBar';
import { mountResumeDialog, mountStartDialog } from './panels/drillDialogs';
import { mountEventFeed } from './panels/eventFeed';
import { mountFacilitatorConsole } from './panels/facilitatorConsole';
// governance panel: begin
import { mountGovernancePanel } from './panels/governancePanel';
// governance panel: end
import { mountLanguageSwitch, safeLocalStorage } from './panels/languageSwitch';
import { mountLegend } from './panels/legend';
import { mountLoadErrors } from './panels/loadErrors';
import { mountProgressChart } from './panels/progressChart';
import { mountRunStatus } from './panels/runStatus';
import { mountScenarioControls } from './panels/scenarioControls';
import { mountTransportControls } from './panels/transportControls';
// command-post knowledge: begin
import { mountTruthToggle } from './panels/truthToggle';
// command-post knowledge: end
import { mountVolunteerTeams } from './panels/volunteerTeams';
import { mountWarningPanel } from './panels/warningPanel';
// review mode: begin
import { mountReview } from './review/reviewScreen';
// review mode: end
import { startSimWorker } from './simClient';
import { createDrillStore } from './store';
import { installTestHook } from './testHook';
import './styles.css';

/** The scenario a fresh page opens with. */
const DEFAULT_SCENARIO = { text: defaultScenarioText, source: 'old-compound.json', seed: 1 };

/** IndexedDB for drill records, or null where the browser offers none (drills then cannot start). */
async function openRecords(): Promise<RecordStore | null> {
  try {
    return await RecordStore.open();
  } catch {
    return null;
  }
}

/** Wire store, map, worker and panels, load the default scenario, then offer to resume an unfinished drill. */
async function main(): Promise<void> {
  const language = rememberedLanguage(safeLocalStorage(), navigator.languages);
  setLanguage(language);
  const store = createDrillStore(language);
  const map = await MapView.create(byId('map'));
  const remote = startSimWorker((message) => store.setState({ notice: t('app.workerStopped', { message }) }));
  const drill = createDrillController(remote, store, map);
  const session = createDrillSession(remote, store, drill, await openRecords());

  mountLanguageSwitch(store);
  mountLegend(store);
  mountWarningPanel(store);
  mountProgressChart(store);
  mountRunStatus(store);
  mountVolunteerTeams(store);
  mountTransportControls(store, drill);
  mountScenarioControls(store, drill);
  mountLoadErrors(store, drill);
  mountEventFeed(store);
  mountCommandPanel(store, session);
  mountFacilitatorConsole(store, session, drill.jumpAhead);
  // governance panel and command-post knowledge: begin
  mountGovernancePanel(store);
  mountTruthToggle(store, map);
  // governance panel and command-post knowledge: end
  mountDrillBar(store, session, mountStartDialog(store, session));
  mountResumeDialog(store, session);
  // review mode: begin
  mountReview(store, drill, session);
  // review mode: end
  bindShortcuts(drill);
  installTestHook(map, store, session);

  await drill.connect();
  await drill.load(DEFAULT_SCENARIO);
  await session.offerResume();
}

main().catch((error: unknown) => {
  // Without a map or worker there is nothing to drill; say so in the page rather than leaving it blank.
  const notice = document.getElementById('notice');
  if (notice) {
    notice.textContent = t('app.couldNotStart', { message: error instanceof Error ? error.message : String(error) });
    notice.hidden = false;
  }
  throw error;
});
