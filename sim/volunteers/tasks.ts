import type { World } from '../core/World';

/** Give a volunteer team a task in a zone: knock on doors, escort vulnerable residents, or patrol. */
export function assignVolunteers(world: World, team: string, task: string, zone: string): void {
  world.events.push({ tick: world.tick, timeS: world.tick * world.tickS, kind: 'assignVolunteers', title: `Volunteers ${team}: ${task} (${zone})` });
}

/** Volunteers walk to their tasks and carry them out. */
export function stepVolunteers(world: World): void {
  void world;
}
