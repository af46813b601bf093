import defaultScenarioText from '../scenarios/old-compound.json?raw';
import { byId } from './dom';
import { createDrillController } from './drillController';
import { bindShortcuts } from './keyboard';
import { MapView } from './map/MapView';
import { mountEventFeed } from './panels/eventFeed';
import { mountLegend } from './panels/legend';
import { mountLoadErrors } from './panels/loadErrors';
import { mountProgressChart } from './panels/progressChart';
import { mountRunStatus } from './panels/runStatus';
import { mountScenarioControls } from './panels/scenarioControls';
import { mountTransportControls } from './panels/transportControls';
import { mountVolunteerTeams } from './panels/volunteerTeams';
import { mountWarningPanel } from './panels/warningPanel';
import { startSimWorker } from './simClient';
import { createDrillStore } from './store';
import { installTestHook } from './testHook';
import './styles.css';

/** The scenario a fresh page opens with. */
const DEFAULT_SCENARIO = { text: defaultScenarioText, source: 'old-compound.json', seed: 1 };

/** Wire store, map, worker and panels, then load the default scenario. */
async function main(): Promise<void> {
  const store = createDrillStore();
  const map = await MapView.create(byId('map'));
  const remote = startSimWorker((message) => store.setState({ notice: `The simulation stopped: ${message}. Reload the page to start again.` }));
  const drill = createDrillController(remote, store, map);

  mountLegend(store);
  mountWarningPanel(store);
  mountProgressChart(store);
  mountRunStatus(store);
  mountVolunteerTeams(store);
  mountTransportControls(store, drill);
  mountScenarioControls(store, drill);
  mountLoadErrors(store, drill);
  mountEventFeed(store);
  bindShortcuts(drill);
  installTestHook(map, store);

  await drill.connect();
  await drill.load(DEFAULT_SCENARIO);
}

main().catch((error: unknown) => {
  // Without a map or worker there is nothing to drill; say so in the page rather than leaving it blank.
  const notice = document.getElementById('notice');
  if (notice) {
    notice.textContent = `The drill app could not start: ${error instanceof Error ? error.message : String(error)}`;
    notice.hidden = false;
  }
  throw error;
});
