import {
  columnsFor,
  type SlipBlock,
  type SlipDocument,
  type SlipLayout,
} from '../../../shared/printing/slip-document.ts';
import { BAR_HEIGHT_MM, fitBarcode } from '../../../shared/printing/slip-geometry.ts';

export interface SlipPreviewProps {
  document: SlipDocument;
  layout: SlipLayout;
}

/**
 * The slip as it comes out of the thermal printer: a strip of paper 58 or 80 mm wide, the
 * printer's fixed-width font at its magnifications, and the barcodes drawn bar for bar. Styling is
 * by class only, since the renderer's CSP allows no inline styles.
 */
export function SlipPreview({ document, layout }: SlipPreviewProps) {
  const columns = columnsFor(layout.paperWidth);
  return (
    <figure className={`slip-preview slip-paper-${layout.paperWidth}`} aria-label={document.title}>
      {document.blocks.map((block, index) => (
        // Blocks have no identity of their own and a document never reorders them.
        <PreviewBlock key={index} block={block} layout={layout} columns={columns} />
      ))}
    </figure>
  );
}

interface PreviewBlockProps {
  block: SlipBlock;
  layout: SlipLayout;
  columns: number;
}

function PreviewBlock({ block, layout, columns }: PreviewBlockProps) {
  switch (block.type) {
    case 'text':
      return (
        <p className={lineClass(block.size ?? 1, block.bold ?? false, block.align ?? 'left')}>
          {block.text}
        </p>
      );
    case 'field': {
      // The printer's rule: one line when `Label: value` fits the columns at this size.
      const size = block.size ?? 1;
      const line = `${block.label}: ${block.value}`;
      const className = lineClass(size, block.bold ?? false, 'left');
      return line.length * size <= columns ? (
        <p className={className}>{line}</p>
      ) : (
        <>
          <p className={className}>{`${block.label}:`}</p>
          <p className={className}>{block.value}</p>
        </>
      );
    }
    case 'barcode':
      return <PreviewBarcode value={block.value} caption={block.caption} layout={layout} />;
    case 'rule':
      return (
        <hr className={block.style === 'double' ? 'slip-rule slip-rule-double' : 'slip-rule'} />
      );
    case 'space':
      return (
        <>
          {Array.from({ length: Math.max(0, block.lines) }, (_, line) => (
            <p key={line} className="slip-line" aria-hidden="true">
              {'\u00a0'}
            </p>
          ))}
        </>
      );
    case 'cut':
      return (
        <div className="slip-cut" role="separator" aria-label="Cut here">
          <span aria-hidden="true">✂ cut here</span>
        </div>
      );
  }
}

function lineClass(size: 1 | 2 | 3, bold: boolean, align: 'left' | 'center' | 'right'): string {
  const classes = ['slip-line', `slip-size-${size}`, `slip-align-${align}`];
  if (bold) classes.push('slip-bold');
  return classes.join(' ');
}

interface PreviewBarcodeProps {
  value: string;
  caption: string | undefined;
  layout: SlipLayout;
}

function PreviewBarcode({ value, caption, layout }: PreviewBarcodeProps) {
  const fit = fitBarcode(value, layout);
  return (
    <div className="slip-barcode">
      {caption ? <p className="slip-line slip-align-center">{caption}</p> : null}
      {fit.ok ? (
        <svg
          role="img"
          aria-label={`Barcode ${value}`}
          width={`${fit.modules * fit.moduleMm}mm`}
          height={`${BAR_HEIGHT_MM}mm`}
          viewBox={`0 0 ${fit.modules} 1`}
          preserveAspectRatio="none"
          shapeRendering="crispEdges"
        >
          {barRects(fit.runs)}
        </svg>
      ) : null}
      <p className={fit.ok ? 'slip-line slip-align-center' : lineClass(1, true, 'center')}>
        {value}
      </p>
      {fit.ok ? null : <p className="slip-line slip-align-center">({fit.reason})</p>}
    </div>
  );
}

/** One rect per bar; the spaces between are the paper showing through. */
function barRects(runs: readonly number[]) {
  const rects = [];
  let x = 0;
  for (let index = 0; index < runs.length; index += 1) {
    const width = runs[index] ?? 0;
    if (index % 2 === 0) rects.push(<rect key={index} x={x} y={0} width={width} height={1} />);
    x += width;
  }
  return rects;
}
