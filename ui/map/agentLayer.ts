import { CanvasSource, Container, Particle, ParticleContainer, Texture } from 'pixi.js';
import { type DotStyle, RESIDENT_STYLES, VOLUNTEER_STYLE } from './palette';

/** Edge of the dot textures in pixels; drawn once, scaled per zoom. */
const TEXTURE_PX = 32;
/** People are about half a metre across; dots never shrink below this on screen so crowds stay visible. */
const PERSON_M = 0.5;
const MIN_RESIDENT_PX = 4;
const MIN_VOLUNTEER_PX = 8;

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

/** Volunteers: a diamond, so they read differently from residents even to colour-blind viewers. */
const diamond = (context: CanvasRenderingContext2D, r: number) => {
  context.fillStyle = '#fff';
  context.beginPath();
  context.moveTo(r, 1);
  context.lineTo(2 * r - 1, r);
  context.lineTo(r, 2 * r - 1);
  context.lineTo(1, r);
  context.closePath();
  context.fill();
};

/** Particle `color` words (tint and alpha packed as Pixi packs them), computed once per style. */
function packedColor(texture: Texture, style: DotStyle): number {
  return new Particle({ texture, tint: style.color, alpha: style.alpha }).color;
}

/**
 * Residents and volunteers as particles. Only position and colour change per frame, so the container
 * uploads just those; size changes with zoom, rarely, and then the static part is rebuilt once.
 */
export class AgentLayer {
  readonly view = new Container();
  private readonly residentTexture = dotTexture(disc);
  private readonly volunteerTexture = dotTexture(diamond);
  private readonly residents: ParticleContainer<Particle>;
  private readonly volunteers: ParticleContainer<Particle>;
  /** Packed colour by resident state; states the palette does not know draw like idle. */
  private readonly stateColors: number[];
  private readonly volunteerColor: number;
  private residentScale = 1;
  private volunteerScale = 1;

  constructor() {
    const dynamicProperties = { position: true, color: true, rotation: false, vertex: false, uvs: false };
    this.residents = new ParticleContainer<Particle>({ texture: this.residentTexture, dynamicProperties });
    this.volunteers = new ParticleContainer<Particle>({ texture: this.volunteerTexture, dynamicProperties });
    this.view.addChild(this.residents, this.volunteers);
    this.stateColors = RESIDENT_STYLES.map((style) => packedColor(this.residentTexture, style));
    this.volunteerColor = packedColor(this.volunteerTexture, VOLUNTEER_STYLE);
  }

  /** Number of resident particles drawn. */
  get residentCount(): number {
    return this.residents.particleChildren.length;
  }

  get volunteerCount(): number {
    return this.volunteers.particleChildren.length;
  }

  /** Positions from a frame, in metres, and each resident's state. */
  update(residentXY: Float32Array, residentState: Uint8Array, volunteerXY: Float32Array): void {
    const residents = this.resize(this.residents, this.residentTexture, residentXY.length >> 1, this.residentScale);
    const colors = this.stateColors;
    const fallback = colors[0];
    for (let i = 0; i < residents.length; i++) {
      const p = residents[i];
      p.x = residentXY[2 * i];
      p.y = residentXY[2 * i + 1];
      p.color = colors[residentState[i]] ?? fallback;
    }
    const volunteers = this.resize(this.volunteers, this.volunteerTexture, volunteerXY.length >> 1, this.volunteerScale);
    for (let i = 0; i < volunteers.length; i++) {
      const p = volunteers[i];
      p.x = volunteerXY[2 * i];
      p.y = volunteerXY[2 * i + 1];
      p.color = this.volunteerColor;
    }
  }

  /** Keep dots a person's size, but at least a few pixels wide at the current zoom (pixels per metre). */
  setZoom(pixelsPerMetre: number): void {
    this.residentScale = Math.max(PERSON_M, MIN_RESIDENT_PX / pixelsPerMetre) / TEXTURE_PX;
    this.volunteerScale = Math.max(PERSON_M * 1.6, MIN_VOLUNTEER_PX / pixelsPerMetre) / TEXTURE_PX;
    rescale(this.residents, this.residentScale);
    rescale(this.volunteers, this.volunteerScale);
  }

  /** Up to `n` drawn resident positions as [x0, y0, x1, y1, ...] in metres (for the test hook). */
  samplePositions(n: number): number[] {
    const out: number[] = [];
    const particles = this.residents.particleChildren;
    for (let i = 0; i < Math.min(n, particles.length); i++) out.push(particles[i].x, particles[i].y);
    return out;
  }

  /** Match the particle count to the frame's agent count; only a new run changes it. */
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
