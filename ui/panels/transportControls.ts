import { byId, el } from '../dom';
import type { DrillController } from '../drillController';
import { formatSpeed } from '../format';
import { t } from '../i18n/index';
import { SPEEDS } from '../speeds';
import { type DrillStore, watch, watchText } from '../store';

/** Play / pause, single step and the speed ladder. */
export function mountTransportControls(store: DrillStore, drill: DrillController): void {
  const play = byId<HTMLButtonElement>('play');
  const step = byId<HTMLButtonElement>('step');
  const speeds = byId<HTMLFieldSetElement>('speeds');

  play.addEventListener('click', () => drill.togglePlay());
  step.addEventListener('click', () => drill.step());

  const speedButtons = SPEEDS.map((multiple) => {
    const button = el('button', { className: 'speed', text: formatSpeed(multiple), attrs: { type: 'button', 'aria-pressed': 'false' } });
    button.addEventListener('click', () => drill.setSpeed(multiple));
    speeds.append(button);
    return { multiple, button };
  });

  watchText(
    store,
    (s) => s.playing,
    (playing) => {
      play.textContent = playing ? `❚❚ ${t('transport.pause')}` : `▶ ${t('transport.play')}`;
      play.setAttribute('aria-pressed', String(playing));
      play.classList.toggle('playing', playing);
    },
  );
  watch(
    store,
    (s) => s.speed,
    (speed) => {
      for (const { multiple, button } of speedButtons) button.setAttribute('aria-pressed', String(multiple === speed));
    },
  );
  watch(
    store,
    (s) => s.info !== null,
    (loaded) => {
      play.disabled = !loaded;
      step.disabled = !loaded;
    },
  );
}
