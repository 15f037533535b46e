/**
 * The ESC/POS code pages a printer can be set to (Settings → Printers). The name is the one the
 * ESC/POS encoder library uses; the number is the `ESC t n` table in Epson's command reference.
 * PC437, PC850, PC858, WPC1252 and ISO 8859-15 hold every accented letter of Western European names
 * (José Núñez, Zoë Ångström); PC852, PC860 and PC863 serve other languages and lack some of them
 * (ñ, ë or Å print as '?'), so a desk picks them only for the names it actually sees.
 */
export const ESC_POS_CODE_PAGES = {
  cp437: { table: 0, label: 'PC437 (USA, Standard Europe)' },
  cp850: { table: 2, label: 'PC850 (Multilingual)' },
  cp860: { table: 3, label: 'PC860 (Portuguese)' },
  cp863: { table: 4, label: 'PC863 (Canadian-French)' },
  cp865: { table: 5, label: 'PC865 (Nordic)' },
  windows1252: { table: 16, label: 'WPC1252 (Windows Latin 1)' },
  cp852: { table: 18, label: 'PC852 (Latin 2)' },
  cp858: { table: 19, label: 'PC858 (Multilingual with €)' },
  'iso8859-15': { table: 40, label: 'ISO 8859-15 (Latin 9)' },
} as const;

export type EscPosCodePage = keyof typeof ESC_POS_CODE_PAGES;
export const CODE_PAGE_NAMES = Object.keys(ESC_POS_CODE_PAGES) as [
  EscPosCodePage,
  ...EscPosCodePage[],
];
export const DEFAULT_CODE_PAGE: EscPosCodePage = 'cp858';
