import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDesk } from '../../electron/app/desk.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { since, singleFigure, type Figure } from './figures.ts';

/**
 * Part f: `rs-desk import` of a file of `requests` requests (half borrowing, half lending) into a
 * fresh desk, end to end — reading, validating, writing, and Locate for the lending requests that
 * name no item — in rows per second.
 */

function importDocument(requests: number): unknown {
  const partners = Array.from({ length: 100 }, (_, p) => ({
    code: `IP${p}`,
    name: `Import Partner ${p}`,
    protocol: 'iso18626',
    endpoint: `http://127.0.0.1:9/IP${p}`,
  }));
  const patrons = Array.from({ length: 1000 }, (_, p) => ({ id: `IU${p}`, name: `Patron ${p}` }));
  const items = Array.from({ length: 5000 }, (_, i) => ({
    barcode: `38${String(i).padStart(12, '0')}`,
    title: `Imported Title ${i}`,
    isbn: `97800000${String(i).padStart(5, '0')}`,
  }));
  const half = Math.floor(requests / 2);
  const borrowingRequests = Array.from({ length: half }, (_, n) => ({
    requestId: `IB-${n}`,
    externalId: String(9_100_000_000 + n),
    partner: `IP${n % 100}`,
    patron: `IU${n % 1000}`,
    title: `Borrowed Title ${n}`,
    status: n % 10 === 0 ? 'SENT' : 'COMPLETED',
  }));
  const lendingRequests = Array.from({ length: requests - half }, (_, n) => ({
    requestId: `IL-${n}`,
    externalId: String(9_200_000_000 + n),
    partner: `IP${n % 100}`,
    title: `Imported Title ${n % 5000}`,
    // One in ten is new and names no item: the import locates it by ISBN.
    ...(n % 10 === 0
      ? { status: 'CREATED', isbn: `97800000${String(n % 5000).padStart(5, '0')}` }
      : { status: 'COMPLETED' }),
  }));
  return { partners, patrons, items, borrowingRequests, lendingRequests };
}

export async function measureImport(requests: number): Promise<Figure> {
  const dir = mkdtempSync(join(tmpdir(), 'rs-desk-bench-import-'));
  try {
    const file = join(dir, 'requests.json');
    writeFileSync(file, JSON.stringify(importDocument(requests)));
    const desk = await openDesk({
      dataDir: join(dir, 'desk'),
      mode: 'browser',
      sendMessages: false,
    });
    try {
      const start = performance.now();
      await importFile(desk.context.gate, file);
      const seconds = since(start) / 1000;
      return singleFigure('import.requests_per_second', requests / seconds, 'rows/s', requests);
    } finally {
      await desk.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
