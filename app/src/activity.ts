import { enqueue } from './outbox.js';

/**
 * Honest time: a second counts only while the page is visible and the person is there, that is,
 * gave input (a key, a tap, a scroll, the mouse) or had a video playing within the last
 * IDLE_MS. Every HEARTBEAT seconds the counted seconds go into the outbox as one heartbeat.
 */
const IDLE_MS = 2 * 60_000;

function heartbeatSeconds(): number {
  const configured = Number(localStorage.getItem('asn.heartbeatSeconds'));
  return Number.isFinite(configured) && configured >= 1 ? configured : 30;
}

export interface Tracker {
  stop(): Promise<void>;
  /** A video on the page started or stopped playing. */
  setPlaying(playing: boolean): void;
  onChange(listener: (active: boolean) => void): void;
}

export function trackLesson(enrollmentId: string, lessonId: string): Tracker {
  let lastInput = Date.now();
  let playing = false;
  let counted = 0;
  let lastTick = Date.now();
  let sinceBeat = 0;
  let active = true;
  let listener: ((active: boolean) => void) | undefined;
  const every = heartbeatSeconds();

  const input = () => {
    lastInput = Date.now();
  };
  const inputs = ['pointerdown', 'pointermove', 'keydown', 'scroll', 'wheel', 'touchstart'] as const;
  for (const name of inputs) addEventListener(name, input, { passive: true, capture: true });

  const beat = async () => {
    const seconds = Math.floor(counted);
    if (seconds < 1) return;
    counted -= seconds;
    await enqueue({ enrollmentId, lessonId, type: 'heartbeat', activeSeconds: seconds });
  };

  const tick = () => {
    const now = Date.now();
    // A throttled or suspended timer never counts more than the two seconds it was meant to.
    const elapsed = Math.min(now - lastTick, 2000) / 1000;
    lastTick = now;
    const isActive = document.visibilityState === 'visible' && (playing || now - lastInput < IDLE_MS);
    if (isActive !== active) {
      active = isActive;
      listener?.(active);
    }
    if (isActive) counted += elapsed;
    sinceBeat += elapsed;
    if (sinceBeat >= every) {
      sinceBeat = 0;
      void beat();
    }
  };
  const timer = setInterval(tick, 1000);
  const hidden = () => {
    if (document.visibilityState === 'hidden') void beat();
  };
  document.addEventListener('visibilitychange', hidden);

  return {
    async stop() {
      clearInterval(timer);
      for (const name of inputs) removeEventListener(name, input, { capture: true });
      document.removeEventListener('visibilitychange', hidden);
      tick();
      await beat();
    },
    setPlaying(p) {
      playing = p;
      if (p) lastInput = Date.now();
    },
    onChange(l) {
      listener = l;
    },
  };
}
