import { useEffect, useRef } from 'react';

/**
 * Where a keyboard-wedge scan goes when focus has wandered off every field: the screen's scan
 * input, or — registered later, so first in line — a dialog waiting for a barcode. The most recent
 * registration wins; unregistering hands scans back to the one before.
 */
export type DeliverScan = (value: string) => void;

interface Target {
  readonly name: string;
  readonly deliver: DeliverScan;
}

const targets: Target[] = [];

export function registerScanTarget(name: string, deliver: DeliverScan): () => void {
  const target = { name, deliver };
  targets.push(target);
  return () => {
    const index = targets.lastIndexOf(target);
    if (index >= 0) targets.splice(index, 1);
  };
}

/** Hands `value` to the current target; false when no screen takes scans. */
export function deliverScan(value: string): boolean {
  const target = targets.at(-1);
  if (!target) return false;
  target.deliver(value);
  return true;
}

export function currentScanTarget(): string | null {
  return targets.at(-1)?.name ?? null;
}

/** Registers while mounted; re-renders do not re-register (the latest `deliver` is used). */
export function useScanTarget(name: string, deliver: DeliverScan): void {
  const latest = useRef(deliver);
  useEffect(() => {
    latest.current = deliver;
  });
  useEffect(() => registerScanTarget(name, (value) => latest.current(value)), [name]);
}
