import { describe, expect, it } from 'vitest';
import { figureOf, singleFigure, verdict } from '../../scripts/bench/figures.ts';

/** The benchmark's arithmetic: what its JSON lines and its summary claim must be right. */

describe('benchmark figures', () => {
  it('reads p50, p95 and p99 by nearest rank, whatever order the samples came in', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(figureOf('services.receive', samples)).toEqual({
      name: 'services.receive',
      count: 100,
      p50: 50,
      p95: 95,
      p99: 99,
      unit: 'ms',
    });
    expect(figureOf('one', [7.25])).toMatchObject({ p50: 7.25, p95: 7.25, p99: 7.25 });
  });

  it('says which targets are met and by how much one is missed', () => {
    const fast = figureOf('http.ship', [1, 2, 3]);
    expect(verdict(fast, { figure: 'http.ship', limit: 10 })).toBe(
      'met    http.ship: p95 3 ms (goal ≤ 10 ms)',
    );
    const slow = singleFigure('import.requests_per_second', 12_500.4, 'rows/s');
    expect(
      verdict(slow, { figure: 'import.requests_per_second', limit: 20_000, atLeast: true }),
    ).toBe('MISSED import.requests_per_second: 12500.4 rows/s (goal ≥ 20000 rows/s)');
    expect(verdict(undefined, { figure: 'server.peak_rss', limit: 300 })).toBe(
      'server.peak_rss: not measured',
    );
  });
});
