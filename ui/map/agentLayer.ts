import { CanvasSource, Container, Particle, ParticleContainer, Texture } from 'pixi.js';
import { lookOf, RESIDENT_LOOK_COUNT, ResidentLook } from '../residentLook';
import { type DotStyle, RESIDENT_LOOKS, VOLUNTEER_STYLES } from './palette';

/** Edge of the dot textures in pixels; drawn once, scaled per zoom. */
const TEXTURE_PX = 32;
/** People are about half a metre across; dots never shrink below this on screen so crowds stay visible. */
const PERSON_M = 0.5;
const MIN_RESIDENT_PX = 4;
const MIN_VOLUNTEER_PX = 9;
/** The ring around a resident waiting for help, on screen: big enough to catch the eye across a room. */
const MIN_HALO_PX = 16;

function dotTexture(draw: (context: CanvasRenderingContext2D, r: number) => void): Texture {
  const canvas = document.createElement('canvas');
  canvas.width = TEXTURE_PX;
  canvas.height = TEXTURE_PX;
  const context = canvas.getContext('2d');
  if (context) draw(context, TEXTURE_PX / 2);
  return new Texture({ source: new CanvasSource({ resource: canvas, autoGenerateMipmaps: true }) });
}

const disc = (context: CanvasRenderingContext2D, r: number) => {
  context.fillStyle = '#fff';
  context.beginPath();
  context.arc(r, r, r - 1, 0, Math.PI * 2);
  context.fill();
};

/** Volunteers: an outlined diamond, so they read differently from residents even to colour-blind viewers. */
const diamond = (context: CanvasRenderingContext2D, r: number) => {
  context.beginPath();
  context.moveTo(r, 2);
  context.lineTo(2 * r - 2, r);
  context.lineTo(r, 2 * r - 2);
  context.lineTo(2, r);
  context.closePath();
  context.fillStyle = '#fff';
  context.fill();
  // Black stays black under the tint: a dark edge against any ground colour.
  context.lineWidth = 3;
  context.strokeStyle = '#000';
  context.stroke();
};

const ring = (context: CanvasRenderingContext2D, r: number) => {
  context.strokeStyle = '#fff';
  context.lineWidth = 4;
  context.beginPath();
  context.arc(r, r, r - 3, 0, Math.PI * 2);
  context.stroke();
};

/** Particle `color` words (tint and alpha packed as Pixi packs them), computed once per style. */
function packedColor(texture: Texture, style: DotStyle): number {
  return new Particle({ texture, tint: style.color, alpha: style.alpha }).color;
}

/** What the agents of one frame are doing, as the frame carries it. */
export interface AgentFrame {
  residentXY: Float32Array;
  residentState: Uint8Array;
  residentHeard: Uint8Array;
  volunteerXY: Float32Array;
  volunteerState: Uint8Array;
}

/**
 * Residents and volunteers as particles, coloured by what they know and do. Only position and colour
 * change per frame, so the containers upload just those; size changes with zoom, rarely, and then the
 * static part is rebuilt once. Residents waiting for help also get a ring in a layer of their own.
 */
export class AgentLayer {
  readonly view = new Container();
  private readonly residentTexture = dotTexture(disc);
  private readonly volunteerTexture = dotTexture(diamond);
  private readonly haloTexture = dotTexture(ring);
  private readonly residents: ParticleContainer<Particle>;
  private readonly halos: ParticleContainer<Particle>;
  private readonly volunteers: ParticleContainer<Particle>;
  /** Packed colour by ResidentLook, and by volunteer state; unknown volunteer states draw like idle. */
  private readonly lookColors: number[];
  private readonly volunteerColors: number[];
  private readonly haloColor: number;
  private residentScale = 1;
  private volunteerScale = 1;
  private haloScale = 1;

  constructor() {
    const dynamicProperties = { position: true, color: true, rotation: false, vertex: false, uvs: false };
    this.residents = new ParticleContainer<Particle>({ texture: this.residentTexture, dynamicProperties });
    this.halos = new ParticleContainer<Particle>({ texture: this.haloTexture, dynamicProperties });
    this.volunteers = new ParticleContainer<Particle>({ texture: this.volunteerTexture, dynamicProperties });
    this.view.addChild(this.residents, this.halos, this.volunteers);
    this.lookColors = RESIDENT_LOOKS.map((style) => packedColor(this.residentTexture, style));
    this.volunteerColors = VOLUNTEER_STYLES.map((style) => packedColor(this.volunteerTexture, style));
    this.haloColor = packedColor(this.haloTexture, RESIDENT_LOOKS[ResidentLook.AwaitingHelp]);
  }

  // command-post knowledge: begin
  /** Residents and their rings are not drawn while a trainee's map shows only what the command post knows. */
  setResidentsVisible(visible: boolean): void {
    this.residents.visible = visible;
    this.halos.visible = visible;
  }
  // command-post knowledge: end

  // browser bench: begin
  /** Properties the resident particles upload every frame (the browser bench checks they are position and colour only). */
  get dynamicProperties(): string[] {
    return Object.entries(this.residents._properties)
      .filter(([, property]) => property.dynamic)
      .map(([name]) => name);
  }
  // browser bench: end

  /** Number of resident particles drawn (none while hidden). */
  get residentCount(): number {
    return this.residents.visible ? this.residents.particleChildren.length : 0;
  }

  get volunteerCount(): number {
    return this.volunteers.particleChildren.length;
  }

  /** Rings drawn around residents waiting for help (none while hidden). */
  get haloCount(): number {
    return this.halos.visible ? this.halos.particleChildren.length : 0;
  }

  /** Positions (metres) and states from a frame. */
  update(frame: AgentFrame): void {
    const { residentXY, residentState, residentHeard, volunteerXY, volunteerState } = frame;
    const residents = this.resize(this.residents, this.residentTexture, residentXY.length >> 1, this.residentScale);
    const colors = this.lookColors;
    let waiting = 0;
    for (let i = 0; i < residents.length; i++) {
      const p = residents[i];
      p.x = residentXY[2 * i];
      p.y = residentXY[2 * i + 1];
      const look = lookOf(residentState[i], residentHeard[i] ?? 0);
      p.color = colors[look];
      if (look === ResidentLook.AwaitingHelp) waiting++;
    }
    const halos = this.resize(this.halos, this.haloTexture, waiting, this.haloScale);
    for (let i = 0, h = 0; h < halos.length && i < residents.length; i++) {
      if (lookOf(residentState[i], residentHeard[i] ?? 0) !== ResidentLook.AwaitingHelp) continue;
      const p = halos[h++];
      p.x = residentXY[2 * i];
      p.y = residentXY[2 * i + 1];
      p.color = this.haloColor;
    }
    const volunteers = this.resize(this.volunteers, this.volunteerTexture, volunteerXY.length >> 1, this.volunteerScale);
    const idle = this.volunteerColors[0];
    for (let i = 0; i < volunteers.length; i++) {
      const p = volunteers[i];
      p.x = volunteerXY[2 * i];
      p.y = volunteerXY[2 * i + 1];
      p.color = this.volunteerColors[volunteerState[i]] ?? idle;
    }
  }

  /** Keep dots a person's size, but at least a few pixels wide at the current zoom (pixels per metre). */
  setZoom(pixelsPerMetre: number): void {
    this.residentScale = Math.max(PERSON_M, MIN_RESIDENT_PX / pixelsPerMetre) / TEXTURE_PX;
    this.volunteerScale = Math.max(PERSON_M * 1.8, MIN_VOLUNTEER_PX / pixelsPerMetre) / TEXTURE_PX;
    this.haloScale = Math.max(PERSON_M * 4, MIN_HALO_PX / pixelsPerMetre) / TEXTURE_PX;
    rescale(this.residents, this.residentScale);
    rescale(this.halos, this.haloScale);
    rescale(this.volunteers, this.volunteerScale);
  }

  /** Up to `n` drawn resident positions as [x0, y0, x1, y1, ...] in metres (for the test hook). */
  samplePositions(n: number): number[] {
    const out: number[] = [];
    const particles = this.residents.particleChildren;
    for (let i = 0; i < Math.min(n, particles.length); i++) out.push(particles[i].x, particles[i].y);
    return out;
  }

  /**
   * Resident particles per look, read back from the colours actually set on them (for the test hook);
   * index RESIDENT_LOOK_COUNT counts colours that match no look.
   */
  residentsByLook(): number[] {
    const counts = new Array<number>(RESIDENT_LOOK_COUNT + 1).fill(0);
    for (const p of this.residents.particleChildren) {
      const look = this.lookColors.indexOf(p.color);
      counts[look < 0 ? RESIDENT_LOOK_COUNT : look]++;
    }
    return counts;
  }

  /** Volunteer particles per volunteer state, read back from their colours (for the test hook). */
  volunteersByState(): number[] {
    const counts = new Array<number>(this.volunteerColors.length).fill(0);
    for (const p of this.volunteers.particleChildren) {
      const state = this.volunteerColors.indexOf(p.color);
      if (state >= 0) counts[state]++;
    }
    return counts;
  }

  /** Match the particle count to the frame's agent count; only a new run (or, for rings, a new waiter) changes it. */
  private resize(container: ParticleContainer<Particle>, texture: Texture, count: number, scale: number): Particle[] {
    const particles = container.particleChildren;
    if (particles.length === count) return particles;
    if (particles.length > count) {
      container.removeParticles(count);
      return container.particleChildren;
    }
    for (let i = particles.length; i < count; i++) {
      particles.push(new Particle({ texture, anchorX: 0.5, anchorY: 0.5, scaleX: scale, scaleY: scale }));
    }
    // Pushing directly avoids a spread of possibly millions of arguments; update() marks the buffers stale.
    container.update();
    return particles;
  }
}

function rescale(container: ParticleContainer<Particle>, scale: number): void {
  const particles = container.particleChildren;
  for (let i = 0; i < particles.length; i++) {
    particles[i].scaleX = scale;
    particles[i].scaleY = scale;
  }
  container.update();
}
