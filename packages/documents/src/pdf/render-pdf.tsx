import { Document, Image, Page, Rect, StyleSheet, Svg, Text, View, renderToBuffer } from '@react-pdf/renderer';
import { Fragment, type ReactNode } from 'react';
import type { DocumentBlock, DocumentPicture, DocumentSource } from '../document-model';
import { picturePng } from '../pictures';
import { ADDRESS_FONT_SIZE, ADDRESS_LINE_HEIGHT, ENVELOPE_WINDOW, MM, WINDOW_MARGIN, addressForWindow } from './envelope-window';
import { PDF_FONT_FAMILY, registerPdfFonts } from './fonts';

const BRAND = '#5a2d82';

function stylesFor(audience: 'adult' | 'child', format: 'standard' | 'easy-read' = 'standard') {
  const easyRead = format === 'easy-read';
  // Clear-print guidance: at least 12 point for adults; children's documents larger still; easy
  // read at 16 point or more throughout, page numbers included.
  const base = easyRead ? 16 : audience === 'child' ? 15 : 12;
  const atLeast = (size: number) => (easyRead ? Math.max(size, base) : size);
  return StyleSheet.create({
    page: { fontFamily: PDF_FONT_FAMILY, fontSize: base, paddingTop: PAGE_TOP, paddingBottom: easyRead ? 80 : 64, paddingHorizontal: 56, color: '#0b0c0c' },
    masthead: { borderBottomWidth: 4, borderBottomColor: BRAND, paddingBottom: 8, marginBottom: MASTHEAD_GAP },
    organisation: { fontSize: base + 1, fontWeight: 700, color: BRAND },
    h1: { fontSize: base * (audience === 'child' || easyRead ? 2 : 1.9), fontWeight: 700, marginBottom: 12, lineHeight: 1.2 },
    h2: { fontSize: base * 1.45, fontWeight: 700, marginTop: 14, marginBottom: 6, lineHeight: 1.25 },
    h3: { fontSize: base * 1.15, fontWeight: 700, marginTop: 10, marginBottom: 4 },
    paragraph: { marginBottom: easyRead ? 14 : 8 },
    lead: { fontSize: base * 1.2, marginBottom: 10 },
    small: { fontSize: atLeast(base * 0.85), marginBottom: 6 },
    listItem: { flexDirection: 'row', marginBottom: 4 },
    listEnd: { marginBottom: 8 },
    bullet: { width: 16 },
    listText: { flex: 1 },
    factRow: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: '#b1b4b6', paddingVertical: 5 },
    factLabel: { width: '38%', fontWeight: 700, paddingRight: 8 },
    factValue: { flex: 1 },
    callout: { borderLeftWidth: 6, borderLeftColor: '#b1b4b6', paddingLeft: 12, marginVertical: 10 },
    referenceBox: { borderWidth: 3, borderColor: BRAND, padding: 12, marginVertical: 12 },
    referenceLabel: { fontSize: base, marginBottom: 4 },
    referenceValue: { fontSize: base * 2, fontWeight: 700, letterSpacing: 1 },
    tableCaption: { fontWeight: 700, marginTop: 10, marginBottom: 4 },
    tableRow: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: '#b1b4b6', paddingVertical: 4 },
    tableCell: { flex: 1, paddingRight: 6 },
    tableHead: { fontWeight: 700 },
    tableEnd: { marginBottom: 10 },
    // A table of many columns is set a little smaller, so a column's longest word fits its width.
    wideTableCell: { fontSize: atLeast(base * 0.8), lineHeight: 1.25 },
    chartName: { fontWeight: 700, marginTop: 6, marginBottom: 4 },
    chartRow: { flexDirection: 'row', alignItems: 'center', marginBottom: 3 },
    chartLabel: { width: '34%', paddingRight: 6, fontSize: atLeast(base * 0.85), lineHeight: 1.2 },
    chartFigure: { paddingLeft: 4, fontSize: atLeast(base * 0.85), lineHeight: 1.2 },
    chartEnd: { marginBottom: 6 },
    // A picture on the left, its words beside it, never split by a page break.
    pictured: { flexDirection: 'row', alignItems: 'flex-start', marginBottom: easyRead ? 6 : 2 },
    picture: { width: easyRead ? 64 : 44, height: easyRead ? 64 : 44, marginRight: easyRead ? 20 : 14 },
    picturedWords: { flex: 1, paddingTop: easyRead ? 12 : 4 },
    // A dynamic (render) text ignores an inherited relative line height, so it is given one in points.
    // The line height is set on the body, not the page: a relative line height reaching the
    // page-number text (a dynamic text) stops react-pdf drawing it at all.
    body: { lineHeight: easyRead ? 1.5 : 1.45 },
    footer: { position: 'absolute', bottom: 28, left: 56, right: 56, fontSize: atLeast(8.5), color: '#505a5f' },
    // A letter with an address keeps its masthead to a known height, so the body can be made to
    // start below the envelope's window whatever the type size.
    windowedMasthead: { height: MASTHEAD_HEIGHT },
    address: {
      position: 'absolute',
      top: (ENVELOPE_WINDOW.top + WINDOW_MARGIN.vertical) * MM,
      left: (ENVELOPE_WINDOW.left + WINDOW_MARGIN.horizontal) * MM,
      width: (ENVELOPE_WINDOW.width - 2 * WINDOW_MARGIN.horizontal) * MM,
      height: (ENVELOPE_WINDOW.height - 2 * WINDOW_MARGIN.vertical) * MM,
      fontSize: ADDRESS_FONT_SIZE,
      lineHeight: ADDRESS_LINE_HEIGHT,
    },
    belowWindow: { height: (ENVELOPE_WINDOW.top + ENVELOPE_WINDOW.height + GAP_BELOW_WINDOW) * MM - PAGE_TOP - MASTHEAD_HEIGHT - MASTHEAD_GAP },
  });
}

const PAGE_TOP = 56;
/** A table of more columns than this is set in smaller type. */
const WIDE_TABLE_COLUMNS = 5;
/** A bar chart's bars: at most this long (points), this high, in the GOV.UK blue; an empty bar a hairline in grey. */
const CHART_PLOT_WIDTH = 220;
const CHART_BAR_HEIGHT = 10;
const CHART_BAR = '#1d70b8';
const CHART_AXIS = '#b1b4b6';
const MASTHEAD_HEIGHT = 34;
const MASTHEAD_GAP = 18;
/** Millimetres between the foot of the window and the letter's first line, so none of it shows. */
const GAP_BELOW_WINDOW = 6;

type Styles = ReturnType<typeof stylesFor>;

/** Words with their picture on the left, kept together on one page. */
function Pictured({ picture, styles, children }: { picture: DocumentPicture | undefined; styles: Styles; children: ReactNode }) {
  if (!picture) return <>{children}</>;
  return (
    <View style={styles.pictured} wrap={false}>
      {/* PNG: the PDF renderer draws no SVG files. Drawn at three times its printed size, for print. */}
      <Image style={styles.picture} src={{ data: picturePng(picture.name), format: 'png' }} />
      <View style={styles.picturedWords}>{children}</View>
    </View>
  );
}

/**
 * A block in two parts: `first`, what must stay on the same page as a heading just before it (a
 * paragraph, a list's first item, a table's caption, header row and first row), and `rest`, which
 * may run on to the next page. Each part holds its own lines together where a break would make
 * them hard to read (a list item, a table row, a picture and its words).
 */
function blockParts(block: DocumentBlock, styles: Styles): { first: ReactNode; rest?: ReactNode } {
  switch (block.kind) {
    case 'heading':
      return { first: <Text style={block.level === 1 ? styles.h1 : block.level === 2 ? styles.h2 : styles.h3}>{block.text}</Text> };
    case 'paragraph': {
      const style = block.style === 'lead' ? styles.lead : block.style === 'small' ? styles.small : styles.paragraph;
      return {
        first: (
          <Pictured picture={block.picture} styles={styles}>
            <Text style={style}>{block.text}</Text>
          </Pictured>
        ),
      };
    }
    case 'list': {
      const item = (text: string, i: number) => (
        <View key={i} style={i === block.items.length - 1 ? [styles.listItem, styles.listEnd] : styles.listItem} wrap={false}>
          <Text style={styles.bullet}>{block.ordered ? `${i + 1}.` : '•'}</Text>
          <Text style={styles.listText}>{text}</Text>
        </View>
      );
      // A list beside a picture is short, and kept whole with it.
      if (block.picture) return { first: <Pictured picture={block.picture} styles={styles}>{block.items.map(item)}</Pictured> };
      return { first: item(block.items[0]!, 0), rest: block.items.length > 1 ? <View>{block.items.slice(1).map((text, i) => item(text, i + 1))}</View> : undefined };
    }
    case 'facts': {
      const row = (r: { label: string; value: string }, i: number) => (
        <View key={i} style={styles.factRow} wrap={false}>
          <Text style={styles.factLabel}>{r.label}</Text>
          <Text style={styles.factValue}>{r.value}</Text>
        </View>
      );
      return {
        first: <View style={block.rows.length === 1 ? { marginBottom: 10 } : {}}>{row(block.rows[0]!, 0)}</View>,
        rest: block.rows.length > 1 ? <View style={{ marginBottom: 10 }}>{block.rows.slice(1).map((r, i) => row(r, i + 1))}</View> : undefined,
      };
    }
    case 'callout':
      return {
        first: (
          <View style={styles.callout}>
            <Pictured picture={block.picture} styles={styles}>
              <Text>{block.text}</Text>
            </Pictured>
          </View>
        ),
      };
    case 'reference':
      return {
        first: (
          <View style={styles.referenceBox} wrap={false}>
            <Text style={styles.referenceLabel}>{block.label}</Text>
            <Text style={styles.referenceValue}>{block.value}</Text>
          </View>
        ),
      };
    case 'table': {
      const cellStyle = block.head.length > WIDE_TABLE_COLUMNS ? [styles.tableCell, styles.wideTableCell] : styles.tableCell;
      const row = (cells: string[], r: number) => (
        <View key={r} style={styles.tableRow} wrap={false}>
          {cells.map((cell, c) => (
            <Text key={c} style={cellStyle}>
              {cell}
            </Text>
          ))}
        </View>
      );
      // The caption and header row never end a page: they go with the first row.
      return {
        first: (
          <View style={block.rows.length === 1 ? styles.tableEnd : {}} wrap={false}>
            <Text style={styles.tableCaption}>{block.caption}</Text>
            <View style={styles.tableRow}>
              {block.head.map((h, i) => (
                <Text key={i} style={[cellStyle, styles.tableHead].flat()}>
                  {h}
                </Text>
              ))}
            </View>
            {row(block.rows[0]!, 0)}
          </View>
        ),
        rest: block.rows.length > 1 ? <View style={styles.tableEnd}>{block.rows.slice(1).map((cells, r) => row(cells, r + 1))}</View> : undefined,
      };
    }
    case 'chart': {
      const largest = Math.max(0, ...block.bars.map((b) => b.value));
      const axisMax = block.axisMax ?? (largest > 0 ? largest : 1);
      // The bars' length in points: what is left of the line beside the label and the figure.
      const plot = CHART_PLOT_WIDTH;
      return {
        first: (
          <View style={styles.chartEnd} wrap={false}>
            <Text style={styles.chartName}>{block.name}</Text>
            {block.bars.map((bar, i) => {
              const length = Math.max(0, Math.min(1, bar.value / axisMax)) * plot;
              return (
                <View key={i} style={styles.chartRow}>
                  <Text style={styles.chartLabel}>{bar.label}</Text>
                  <Svg width={Math.max(length, 1)} height={CHART_BAR_HEIGHT} viewBox={`0 0 ${Math.max(length, 1)} ${CHART_BAR_HEIGHT}`}>
                    <Rect x={0} y={0} width={Math.max(length, 1)} height={CHART_BAR_HEIGHT} fill={length > 0 ? CHART_BAR : CHART_AXIS} />
                  </Svg>
                  <Text style={styles.chartFigure}>{bar.text}</Text>
                </View>
              );
            })}
          </View>
        ),
      };
    }
    case 'address':
      // Only a letter's first address goes in the window (see renderPdf); another is printed where it stands.
      return { first: <Text style={styles.paragraph}>{block.lines.join('\n')}</Text> };
    default: {
      const never: never = block;
      return never;
    }
  }
}

/**
 * The blocks in order, each heading (or run of headings) held on one page with the start of what
 * follows it, so no heading is left at the foot of a page. react-pdf's `minPresenceAhead` hint
 * would do this by distance, but it does not know where a picture or a table row ends; an
 * unbreakable group does.
 */
function Blocks({ blocks, styles }: { blocks: DocumentBlock[]; styles: Styles }) {
  const out: ReactNode[] = [];
  let i = 0;
  while (i < blocks.length) {
    const headings: ReactNode[] = [];
    while (i < blocks.length && blocks[i]!.kind === 'heading') {
      headings.push(<Fragment key={i}>{blockParts(blocks[i]!, styles).first}</Fragment>);
      i += 1;
    }
    const next = i < blocks.length ? blockParts(blocks[i]!, styles) : null;
    i += 1;
    if (headings.length > 0) {
      out.push(
        <View key={`k${i}`} wrap={false}>
          {headings}
          {next?.first}
        </View>,
      );
    } else if (next) {
      out.push(<Fragment key={`f${i}`}>{next.first}</Fragment>);
    }
    if (next?.rest) out.push(<Fragment key={`r${i}`}>{next.rest}</Fragment>);
  }
  return <>{out}</>;
}

/**
 * A4 PDF with the document's title and language set, page numbers, and where the web version is.
 * A letter with an address (a posted letter) has it printed where a window envelope shows it,
 * and its first page starts below the window.
 */
export async function renderPdf(source: DocumentSource): Promise<Buffer> {
  registerPdfFonts();
  const styles = stylesFor(source.audience, source.format);
  const addressAt = source.blocks.findIndex((b) => b.kind === 'address');
  const address = addressAt >= 0 ? (source.blocks[addressAt] as Extract<DocumentBlock, { kind: 'address' }>) : null;
  const blocks = address ? source.blocks.filter((_, i) => i !== addressAt) : source.blocks;
  const pageLabel = source.language === 'cy' ? 'Tudalen' : 'Page';
  const ofLabel = source.language === 'cy' ? 'o' : 'of';
  return renderToBuffer(
    <Document title={source.title} author={source.organisationName} creator={source.organisationName} producer={source.organisationName} language={source.language === 'cy' ? 'cy-GB' : 'en-GB'}>
      <Page size="A4" orientation={source.orientation ?? 'portrait'} style={styles.page} wrap>
        <View style={address ? [styles.masthead, styles.windowedMasthead] : styles.masthead} fixed>
          <Text style={styles.organisation}>{source.organisationName}</Text>
        </View>
        {address ? (
          <View style={styles.address}>
            {addressForWindow(address.lines).map((line, i) => (
              <Text key={i}>{line}</Text>
            ))}
          </View>
        ) : null}
        <View style={styles.body}>
          {address ? <View style={styles.belowWindow} /> : null}
          <Blocks blocks={blocks} styles={styles} />
          {source.webVersionNote ? <Text style={[styles.small, { marginTop: 14 }]}>{source.webVersionNote}</Text> : null}
          {source.credits ? <Text style={styles.small}>{source.credits}</Text> : null}
        </View>
        <Text
          style={styles.footer}
          fixed
          render={({ pageNumber, totalPages }) => `${source.footer ?? source.title}   ·   ${pageLabel} ${pageNumber} ${ofLabel} ${totalPages}`}
        />
      </Page>
    </Document>,
  );
}
