import PDFDocument from 'pdfkit';
import { Temporal } from 'temporal-polyfill';
import type { Block, ReportModel } from './progress-report.model';

/**
 * Draws a progress report (`ReportModel`) as a PDF with pdfkit: text, tables and line charts as
 * vector graphics, with the redisclosure notice at the foot of EVERY page. The standard Helvetica
 * font ships inside pdfkit, so nothing is fetched and no font file is read from the system.
 */

const pageMargin = 50;
/** Room kept at the foot of each page for the notice. */
const noticeHeight = 92;
const colors = ['#1f5f8b', '#b5651d', '#2e7d32', '#6a1b9a'];

function dayIndex(from: string, date: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(date), { largestUnit: 'days' }).days;
}

export async function renderReportPdf(model: ReportModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    bufferPages: true,
    margins: { top: pageMargin, left: pageMargin, right: pageMargin, bottom: pageMargin + noticeHeight },
    info: { Title: model.title, Author: 'Twofold', Subject: 'Progress report (42 CFR part 2 protected)' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - pageMargin * 2;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensureRoom = (height: number) => {
    if (doc.y + height > bottom()) {
      doc.addPage();
    }
  };

  doc.font('Helvetica-Bold').fontSize(18).fillColor('#000').text(model.title, { width });
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(10).fillColor('#333');
  for (const line of model.subtitle) {
    doc.text(line, { width });
  }

  for (const section of model.sections) {
    doc.moveDown(1);
    ensureRoom(40);
    doc.font('Helvetica-Bold').fontSize(14).fillColor('#000').text(section.heading, { width });
    doc.moveDown(0.3);
    for (const block of section.blocks) {
      drawBlock(doc, block, width, ensureRoom);
      doc.moveDown(0.5);
    }
  }

  // The notice on every page, in the space kept free at the foot of each.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const top = doc.page.height - pageMargin - noticeHeight + 8;
    doc
      .moveTo(pageMargin, top - 4)
      .lineTo(doc.page.width - pageMargin, top - 4)
      .lineWidth(0.5)
      .strokeColor('#888')
      .stroke();
    doc.font('Helvetica').fontSize(6.5).fillColor('#000').text(model.notice, pageMargin, top, { width, lineGap: 0.5 });
    doc.text(`Page ${index - range.start + 1} of ${range.count}`, pageMargin, doc.page.height - pageMargin + 6, { width, align: 'right' });
    doc.page.margins.bottom = savedBottom;
  }
  doc.end();
  return done;
}

function drawBlock(doc: PDFKit.PDFDocument, block: Block, width: number, ensureRoom: (height: number) => void): void {
  switch (block.type) {
    case 'text':
      ensureRoom(14);
      doc.font('Helvetica').fontSize(10).fillColor('#000').text(block.text, pageMargin, doc.y, { width });
      return;
    case 'not-shared':
      ensureRoom(14);
      doc.font('Helvetica-Oblique').fontSize(10).fillColor('#555').text(block.text, pageMargin, doc.y, { width });
      return;
    case 'table':
      drawTable(doc, block, width, ensureRoom);
      return;
    case 'chart':
      drawChart(doc, block, width, ensureRoom);
      return;
  }
}

function drawTable(doc: PDFKit.PDFDocument, block: Extract<Block, { type: 'table' }>, width: number, ensureRoom: (height: number) => void) {
  // The last column takes what the others leave (it holds the band and its source).
  const fixed = block.columns.length > 3 ? [70, 80, 45] : block.columns.length === 3 ? [70, 300] : [70];
  const last = width - fixed.slice(0, block.columns.length - 1).reduce((sum, w) => sum + w, 0);
  const widths = [...fixed.slice(0, block.columns.length - 1), last];
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 4 }))) + 4;
    ensureRoom(height);
    const y = doc.y;
    let x = pageMargin;
    cells.forEach((cell, i) => {
      doc.fillColor('#000').text(cell, x + 2, y + 2, { width: widths[i]! - 4 });
      x += widths[i]!;
    });
    doc
      .moveTo(pageMargin, y + height)
      .lineTo(pageMargin + width, y + height)
      .lineWidth(0.3)
      .strokeColor('#bbb')
      .stroke();
    doc.x = pageMargin;
    doc.y = y + height;
  };
  drawRow(block.columns, true);
  for (const row of block.rows) {
    drawRow(row, false);
  }
}

function drawChart(doc: PDFKit.PDFDocument, block: Extract<Block, { type: 'chart' }>, width: number, ensureRoom: (height: number) => void) {
  const plotHeight = 110;
  ensureRoom(plotHeight + 50);
  doc.font('Helvetica-Bold').fontSize(9).fillColor('#000').text(block.title, pageMargin, doc.y, { width });
  const top = doc.y + 6;
  const left = pageMargin + 24;
  const plotWidth = width - 30;
  const span = Math.max(dayIndex(block.from, block.to), 1);
  const x = (date: string) => left + (dayIndex(block.from, date) / span) * plotWidth;
  const y = (value: number) => top + plotHeight - ((value - block.yMin) / (block.yMax - block.yMin || 1)) * plotHeight;

  // Axes and a few grid lines, labelled.
  doc.lineWidth(0.5).strokeColor('#999').rect(left, top, plotWidth, plotHeight).stroke();
  doc.font('Helvetica').fontSize(7).fillColor('#555');
  for (const value of [block.yMin, (block.yMin + block.yMax) / 2, block.yMax]) {
    doc
      .moveTo(left, y(value))
      .lineTo(left + plotWidth, y(value))
      .lineWidth(0.2)
      .strokeColor('#ddd')
      .stroke();
    doc.text(String(Math.round(value * 10) / 10), pageMargin, y(value) - 3, { width: 20, align: 'right' });
  }
  doc.text(block.from, left, top + plotHeight + 3, { width: 80 });
  doc.text(block.to, left + plotWidth - 80, top + plotHeight + 3, { width: 80, align: 'right' });

  block.series.forEach((series, index) => {
    const color = colors[index % colors.length]!;
    const [first, ...rest] = series.points;
    if (!first) {
      return;
    }
    // A line joins consecutive days only: a day without data leaves a gap rather than a made-up slope.
    doc.lineWidth(1.2).strokeColor(color);
    doc.moveTo(x(first.date), y(first.value));
    let previous = first;
    for (const point of rest) {
      if (!block.joinAcrossGaps && dayIndex(previous.date, point.date) > 1) {
        doc.moveTo(x(point.date), y(point.value));
      } else {
        doc.lineTo(x(point.date), y(point.value));
      }
      previous = point;
    }
    doc.stroke();
    for (const point of series.points) {
      doc.circle(x(point.date), y(point.value), 1.8).fillColor(color).fill();
    }
  });
  // Legend.
  let legendX = left;
  const legendY = top + plotHeight + 14;
  block.series.forEach((series, index) => {
    const color = colors[index % colors.length]!;
    doc
      .rect(legendX, legendY + 1, 8, 6)
      .fillColor(color)
      .fill();
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#000')
      .text(series.label, legendX + 11, legendY, { width: 90, lineBreak: false });
    legendX += 100;
  });
  doc.x = pageMargin;
  doc.y = legendY + 14;
}
