import type { Container } from 'pixi.js';

/** How far one can zoom relative to "whole map fits". */
const MIN_ZOOM_OF_FIT = 0.5;
const MAX_ZOOM_OF_FIT = 40;
/** Margin around the fitted map, in screen pixels. */
const FIT_MARGIN_PX = 16;

/**
 * Pan and zoom of the world container (world units are metres): fits the map to the view, zooms with
 * the wheel about the pointer and pans by dragging. Reports every change so dots can keep their size.
 */
export class Viewport {
  private worldW = 1;
  private worldH = 1;
  private viewW = 1;
  private viewH = 1;
  private fitScale = 1;
  /** True until the user zooms or pans; while true, a resize refits the map. */
  private fitted = true;
  private drag: { pointerId: number; x: number; y: number } | null = null;

  constructor(
    private readonly world: Container,
    private readonly element: HTMLElement,
    private readonly onChange: (pixelsPerMetre: number) => void,
  ) {
    element.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    element.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    element.addEventListener('pointermove', (e) => this.onPointerMove(e));
    element.addEventListener('pointerup', (e) => this.onPointerUp(e));
    element.addEventListener('pointercancel', (e) => this.onPointerUp(e));
    element.addEventListener('dblclick', () => this.fit());
  }

  /** Size of the world in metres (a new scenario); fits it. */
  setWorld(widthM: number, heightM: number): void {
    this.worldW = Math.max(widthM, 1e-6);
    this.worldH = Math.max(heightM, 1e-6);
    this.fit();
  }

  /** Size of the view in CSS pixels (the canvas was resized). */
  setView(width: number, height: number): void {
    this.viewW = Math.max(width, 1);
    this.viewH = Math.max(height, 1);
    if (this.fitted) this.fit();
    else this.updateFitScale();
  }

  /** Show the whole map, centred. */
  fit(): void {
    this.fitted = true;
    this.updateFitScale();
    this.world.scale.set(this.fitScale);
    this.world.position.set((this.viewW - this.worldW * this.fitScale) / 2, (this.viewH - this.worldH * this.fitScale) / 2);
    this.onChange(this.fitScale);
  }

  private updateFitScale(): void {
    const usableW = Math.max(this.viewW - 2 * FIT_MARGIN_PX, 1);
    const usableH = Math.max(this.viewH - 2 * FIT_MARGIN_PX, 1);
    this.fitScale = Math.min(usableW / this.worldW, usableH / this.worldH);
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const rect = this.element.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const py = e.clientY - rect.top;
    const old = this.world.scale.x;
    // Pixel-, line- and page-based wheels give very different deltas; normalise roughly to pixels.
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaMode === 2 ? e.deltaY * this.viewH : e.deltaY;
    const next = clamp(old * Math.exp(-delta * 0.0015), this.fitScale * MIN_ZOOM_OF_FIT, this.fitScale * MAX_ZOOM_OF_FIT);
    if (next === old) return;
    // Keep the world point under the pointer where it is.
    const wx = (px - this.world.x) / old;
    const wy = (py - this.world.y) / old;
    this.world.scale.set(next);
    this.world.position.set(px - wx * next, py - wy * next);
    this.fitted = false;
    this.onChange(next);
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.drag = { pointerId: e.pointerId, x: e.clientX, y: e.clientY };
    this.element.setPointerCapture(e.pointerId);
    this.element.classList.add('dragging');
  }

  private onPointerMove(e: PointerEvent): void {
    if (!this.drag || e.pointerId !== this.drag.pointerId) return;
    this.world.position.set(this.world.x + e.clientX - this.drag.x, this.world.y + e.clientY - this.drag.y);
    this.drag.x = e.clientX;
    this.drag.y = e.clientY;
    this.fitted = false;
    this.onChange(this.world.scale.x);
  }

  private onPointerUp(e: PointerEvent): void {
    if (!this.drag || e.pointerId !== this.drag.pointerId) return;
    this.drag = null;
    if (this.element.hasPointerCapture(e.pointerId)) this.element.releasePointerCapture(e.pointerId);
    this.element.classList.remove('dragging');
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
