/** A clock and timer the scanner service can be driven by, so tests never wait in real time. */
export interface FakeClock {
  // Properties, not methods, so they can be handed to the service unbound.
  readonly now: () => number;
  readonly setTimer: (run: () => void, ms: number) => () => void;
  /** Moves time forward, firing due timers in order and letting their async work settle. */
  advance(ms: number): Promise<void>;
  pendingTimers(): number;
}

export function createFakeClock(start = 0): FakeClock {
  let time = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; run: () => void }>();

  return {
    now: () => time,
    setTimer(run, ms) {
      const id = (nextId += 1);
      timers.set(id, { at: time + ms, run });
      return () => timers.delete(id);
    },
    async advance(ms) {
      const until = time + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= until)
          .sort(([, a], [, b]) => a.at - b.at)[0];
        if (!due) break;
        const [id, timer] = due;
        timers.delete(id);
        time = timer.at;
        timer.run();
        await settle();
      }
      time = until;
      await settle();
    },
    pendingTimers: () => timers.size,
  };
}

/** Lets promise chains started by callbacks finish (the replay backend resolves at once). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}
