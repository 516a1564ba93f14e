import { layoutFor, type Cloud, type Ridge } from './scene-layout';
import { paletteFor, type Rgb } from './scene-palette';

export interface SceneGraphInput {
  width: number;
  height: number;
  frameRate: number;
  duration: number;
  prompt: string;
  negativePrompt: string;
  seed: number;
}

const n = (value: number) => Number(value.toFixed(4)).toString();
const channels = ['r', 'g', 'b'] as const;

/** One still frame of `width`×`height`, every channel from an expression of X and Y. */
function stillLayer(width: number, height: number, frameRate: number, expressions: Record<string, string>, alpha: boolean): string {
  const options = Object.entries(expressions).map(([channel, expression]) => `${channel}='${expression}'`);
  return `nullsrc=s=${width}x${height}:r=${frameRate},trim=end_frame=1,format=${alpha ? 'rgba' : 'rgb24'},geq=${options.join(':')}`;
}

/** colour(t) between two colours, per channel, t an expression in [0, 1]. */
const mix = (from: Rgb, to: Rgb, t: string) =>
  Object.fromEntries(channels.map((channel, index) => [channel, `${from[index] ?? 0}+${(to[index] ?? 0) - (from[index] ?? 0)}*(${t})`]));

/** The ridge's height (from the frame's top) at column X of a layer starting `top` pixels down. */
function ridgeExpression(ridge: Ridge, input: SceneGraphInput, top: number): string {
  const span = Math.max(input.width, input.height);
  const waves = ridge.waves.map(({ amplitude, wavelength, phase }) => `${n(amplitude)}*sin(${n((2 * Math.PI) / (span * wavelength))}*X+${n(phase)})`);
  return `${n(input.height)}*(${n(ridge.base)}+${waves.join('+')})-${top}`;
}

/**
 * A ridge as a layer wide enough to drift for the whole clip, only as tall as the hills (geq's cost is per
 * pixel); returns the source and its overlay position.
 */
function hillsLayer(ridge: Ridge, colour: Rgb, input: SceneGraphInput): { source: string; x: string; y: string } {
  const { width, height, frameRate, duration } = input;
  const travel = Math.ceil(Math.abs(ridge.speed) * width * duration) + 2;
  const peak = ridge.waves.reduce((sum, wave) => sum + wave.amplitude, 0);
  const top = Math.max(0, Math.floor(height * (ridge.base - peak)) - 1);
  const line = ridgeExpression(ridge, input, top);
  // Darker towards the bottom of the frame.
  const shade = `(1-0.35*Y/${height - top})`;
  const expressions = Object.fromEntries(channels.map((channel, index) => [channel, `${colour[index] ?? 0}*${shade}`]));
  const source = stillLayer(width + travel, height - top, frameRate, { ...expressions, a: `255*clip(Y-(${line})+0.5,0,1)` }, true);
  const speed = n(Math.abs(ridge.speed) * width);
  return { source, x: ridge.speed < 0 ? `-${speed}*t` : `${-travel}+${speed}*t`, y: String(top) };
}

/** A soft disc with a wide glow; `size` is the sprite's side. */
function sunLayer(colour: Rgb, size: number, frameRate: number): string {
  const half = size / 2;
  const distance = `hypot(X-${n(half)},Y-${n(half)})`;
  const disc = `clip(${n(half * 0.15)}-${distance}+0.5,0,1)`;
  const glow = `0.5*pow(clip(1-${distance}/${n(half)},0,1),2.2)`;
  const [r, g, b] = colour;
  return stillLayer(size, size, frameRate, { r: String(r), g: String(g), b: String(b), a: `255*max(${disc},${glow})` }, true);
}

/** An elongated soft ellipse. */
function cloudLayer(cloud: Cloud, colour: Rgb, input: SceneGraphInput): { source: string; w: number; h: number } {
  const w = Math.max(8, Math.round(cloud.width * input.width));
  const h = Math.max(4, Math.round(cloud.height * input.height * 2));
  const falloff = `pow(clip(1-pow((X-${n(w / 2)})/${n(w / 2)},2)-pow((Y-${n(h / 2)})/${n(h / 2)},2),0,1),1.6)`;
  const [r, g, b] = colour;
  return { source: stillLayer(w, h, input.frameRate, { r: String(r), g: String(g), b: String(b), a: `${n(255 * cloud.opacity)}*${falloff}` }, true), w, h };
}

/**
 * The text-to-video scene as an ffmpeg filtergraph ending in `[scene]` (yuv420p): a sky gradient, a glowing sun on
 * a slow path, soft clouds and two ridges of hills drifting at different speeds (parallax).
 * Every layer is computed once (one frame of geq) and only moved per frame (overlay), so a clip stays cheap to
 * render and smooth to encode. Deterministic: no random source, no time source.
 */
export function sceneGraph(input: SceneGraphInput): string {
  const { width, height, frameRate, duration } = input;
  const palette = paletteFor(input.prompt, input.negativePrompt);
  const layout = layoutFor(input.seed);
  const frames = Math.round(duration * frameRate);
  const skyT = `pow(clip(Y/${n(height * layout.horizon)},0,1),1.6)`;
  // A vignette baked into the sky: darker towards the corners, for free on every frame.
  const vignette = `(1-0.12*(pow((X-${width / 2})/${width / 2},2)+pow((Y-${height / 2})/${height / 2},2)))`;
  // Stars: a fixed pseudo-random sprinkle (a hash of X and Y, no random source), fading towards the horizon.
  const stars = palette.stars ? `+170*gt(st(0,sin(X*12.9898+Y*78.233)*43758.5453)-floor(ld(0)),0.994)*(1-${skyT})` : '';
  const skyColour = Object.fromEntries(
    Object.entries(mix(palette.zenith, palette.horizon, skyT)).map(([channel, expression]) => [channel, `(${expression})*${vignette}${stars}`]),
  );
  const chains = [`${stillLayer(width, height, frameRate, skyColour, false)},format=yuv444p,loop=loop=${frames - 1}:size=1,setpts=N/(${frameRate}*TB)[sky]`];
  let current = 'sky';
  let step = 0;
  const place = (source: string, x: string, y: string) => {
    const layer = `l${step}`;
    const next = `s${step++}`;
    chains.push(`${source}[${layer}]`, `[${current}][${layer}]overlay=x='${x}':y='${y}':format=yuv444[${next}]`);
    current = next;
  };

  const sunSize = Math.round(Math.min(width, height) * 0.9);
  const { sun } = layout;
  const progress = `t/${n(duration)}`;
  place(
    sunLayer(palette.sun, sunSize, frameRate),
    `${n(width * sun.fromX - sunSize / 2)}+${n(width * (sun.toX - sun.fromX))}*${progress}`,
    `${n(height * sun.fromY - sunSize / 2)}+${n(height * (sun.toY - sun.fromY))}*${progress}`,
  );
  for (const cloud of layout.clouds) {
    const { source, w, h } = cloudLayer(cloud, palette.cloud, input);
    place(source, `${n(width * cloud.x - w / 2)}+${n(width * cloud.speed)}*t`, n(height * cloud.y - h / 2));
  }
  for (const [ridge, colour] of [[layout.farRidge, palette.farHills], [layout.nearRidge, palette.nearHills]] as const) {
    const hills = hillsLayer(ridge, colour, input);
    place(hills.source, hills.x, hills.y);
  }
  chains.push(`[${current}]format=yuv420p[scene]`);
  return chains.join(';');
}
