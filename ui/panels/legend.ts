import { byId, el } from '../dom';
import { t } from '../i18n/index';
import {
  CELL_SWATCHES,
  CLOSED_SWATCH,
  cssColor,
  HAZARD_MAX_ALPHA,
  HAZARD_SWATCH,
  KNOWN_AREA_MAX_ALPHA,
  KNOWN_AREA_SWATCH,
  NEED_SWATCH,
  REPORT_SWATCHES,
  SENSOR_OFF_SWATCH,
  SENSOR_SWATCH,
  type Swatch,
  VOLUNTEER_STYLES,
  VolunteerStates,
} from '../map/palette';
import { type DrillStore, watchText } from '../store';

type Shape = 'square' | 'dot' | 'diamond' | 'sensor' | 'hazard' | 'known';

function item(swatch: Swatch, shape: Shape): HTMLLIElement {
  const mark = el('span', { className: `swatch ${shape}` });
  mark.style.background = cssColor(swatch.color);
  if (shape === 'hazard' || shape === 'known') {
    // As on the map: a see-through fill inside a strong edge.
    const rgb = [swatch.color >> 16, (swatch.color >> 8) & 0xff, swatch.color & 0xff].join(', ');
    mark.style.background = `rgba(${rgb}, ${shape === 'known' ? KNOWN_AREA_MAX_ALPHA : HAZARD_MAX_ALPHA})`;
    mark.style.borderColor = cssColor(swatch.color);
  }
  return el('li', {}, [mark, document.createTextNode(t(swatch.label))]);
}

/** Volunteer states worth a legend line (idle and done are told apart on the map, but rarely matter). */
const VOLUNTEER_LEGEND = [VolunteerStates.Walking, VolunteerStates.Knocking, VolunteerStates.Escorting, VolunteerStates.Patrolling, VolunteerStates.Idle];

/**
 * The map's colours, from the same palette the map draws with; hazard, sensor and volunteer lines only for
 * scenarios that have them. Resident colours sit with their counts in the Residents panel.
 */
export function mountLegend(store: DrillStore): void {
  const legend = byId<HTMLUListElement>('legend');

  watchText(
    store,
    (s) => s.info,
    (info) => {
      const cells = [...CELL_SWATCHES.map((swatch) => item(swatch, 'square')), item(CLOSED_SWATCH, 'square')];
      const extra: HTMLLIElement[] = [];
      if (info?.hazardCount) extra.push(item(HAZARD_SWATCH, 'hazard'));
      if (info?.sensors.length) extra.push(item(info.sensorsInstalled ? SENSOR_SWATCH : SENSOR_OFF_SWATCH, 'sensor'));
      // command-post knowledge: begin
      if (info?.hazardCount || info?.sensors.length) {
        extra.push(item(KNOWN_AREA_SWATCH, 'known'));
        for (const swatch of Object.values(REPORT_SWATCHES)) extra.push(item(swatch, 'dot'));
      }
      if (info?.organisations.length) extra.push(item(NEED_SWATCH, 'square'));
      // command-post knowledge: end
      if (info?.volunteerTeams.length) for (const state of VOLUNTEER_LEGEND) extra.push(item(VOLUNTEER_STYLES[state], 'diamond'));
      legend.replaceChildren(...cells, ...extra);
    },
  );
}
