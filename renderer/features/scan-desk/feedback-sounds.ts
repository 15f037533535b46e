import type { FeedbackTone, ScanFeedback } from './scan-slice.ts';

/**
 * Distinct tones, generated (no sound files): staff look at the book, not the screen, so success,
 * warning and error must be told apart by ear. Success rises, a warning holds, an error falls low.
 */
const TONES: Readonly<Record<FeedbackTone, readonly { hz: number; ms: number }[]>> = {
  success: [
    { hz: 880, ms: 70 },
    { hz: 1320, ms: 90 },
  ],
  warning: [
    { hz: 660, ms: 120 },
    { hz: 660, ms: 120 },
  ],
  error: [
    { hz: 330, ms: 160 },
    { hz: 220, ms: 260 },
  ],
};

export function createToneFeedback(): ScanFeedback {
  let context: AudioContext | null = null;
  return {
    play(tone) {
      try {
        context ??= new AudioContext();
        let at = context.currentTime;
        for (const { hz, ms } of TONES[tone]) {
          const oscillator = context.createOscillator();
          const gain = context.createGain();
          oscillator.type = tone === 'error' ? 'square' : 'sine';
          oscillator.frequency.value = hz;
          gain.gain.setValueAtTime(0.15, at);
          gain.gain.exponentialRampToValueAtTime(0.001, at + ms / 1000);
          oscillator.connect(gain).connect(context.destination);
          oscillator.start(at);
          oscillator.stop(at + ms / 1000);
          at += ms / 1000 + 0.03;
        }
      } catch {
        // No audio device (a kiosk without speakers): the banner still says everything.
      }
    },
  };
}
