import { byId, el } from '../dom';
import { CELL_SWATCHES, CLOSED_SWATCH, cssColor, type Swatch, VOLUNTEER_STYLE } from '../map/palette';

function item(swatch: Swatch, shape: 'square' | 'dot' | 'diamond'): HTMLLIElement {
  const mark = el('span', { className: `swatch ${shape}` });
  mark.style.background = cssColor(swatch.color);
  return el('li', {}, [mark, document.createTextNode(swatch.label)]);
}

/** The map's colours, from the same palette the map draws with. Resident colours sit with their counts. */
export function mountLegend(): void {
  const legend = byId<HTMLUListElement>('legend');
  legend.append(...CELL_SWATCHES.map((swatch) => item(swatch, 'square')), item(CLOSED_SWATCH, 'square'), item(VOLUNTEER_STYLE, 'diamond'));
}
