import type { Residents } from '../../sim/agents/Residents';
import type { World } from '../../sim/core/World';
import type { Simulation } from '../../sim/index';
import type * as Tasks from '../../sim/volunteers/tasks';

// The simulation does not hand out its world, and volunteer statistics need it. Test files wrap the
// volunteer step with `captureWorlds` (vi.mock of sim/volunteers/tasks), which notes each world by its
// residents. Only type imports here: the mock factory loads this file while tasks.ts is being mocked.
const worlds = new WeakMap<Residents, World>();

/** The tasks module with a step that records the world it is called with. */
export function captureWorlds(tasks: typeof Tasks): typeof Tasks {
  return {
    ...tasks,
    stepVolunteers(world: World) {
      worlds.set(world.residents, world);
      tasks.stepVolunteers(world);
    },
  };
}

/** The world behind a simulation that has been stepped at least once. */
export function worldOf(sim: Simulation): World {
  const world = worlds.get(sim.residents() as Residents);
  if (!world) throw new Error('step the simulation once first (and mock sim/volunteers/tasks with captureWorlds)');
  return world;
}
