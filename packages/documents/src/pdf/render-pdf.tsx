import { Document, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer';
import type { DocumentBlock, DocumentSource } from '../document-model';
import { ADDRESS_FONT_SIZE, ADDRESS_LINE_HEIGHT, ENVELOPE_WINDOW, MM, WINDOW_MARGIN, addressForWindow } from './envelope-window';
import { PDF_FONT_FAMILY, registerPdfFonts } from './fonts';

const BRAND = '#5a2d82';

function stylesFor(audience: 'adult' | 'child') {
  // Clear-print guidance: at least 12 point for adults; children's documents larger still.
  const base = audience === 'child' ? 15 : 12;
  return StyleSheet.create({
    page: { fontFamily: PDF_FONT_FAMILY, fontSize: base, paddingTop: PAGE_TOP, paddingBottom: 64, paddingHorizontal: 56, color: '#0b0c0c' },
    masthead: { borderBottomWidth: 4, borderBottomColor: BRAND, paddingBottom: 8, marginBottom: MASTHEAD_GAP },
    organisation: { fontSize: base + 1, fontWeight: 700, color: BRAND },
    h1: { fontSize: base * (audience === 'child' ? 2 : 1.9), fontWeight: 700, marginBottom: 12, lineHeight: 1.2 },
    h2: { fontSize: base * 1.45, fontWeight: 700, marginTop: 14, marginBottom: 6, lineHeight: 1.25 },
    h3: { fontSize: base * 1.15, fontWeight: 700, marginTop: 10, marginBottom: 4 },
    paragraph: { marginBottom: 8 },
    lead: { fontSize: base * 1.2, marginBottom: 10 },
    small: { fontSize: base * 0.85, marginBottom: 6 },
    listItem: { flexDirection: 'row', marginBottom: 4 },
    bullet: { width: 16 },
    listText: { flex: 1 },
    factRow: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: '#b1b4b6', paddingVertical: 5 },
    factLabel: { width: '38%', fontWeight: 700, paddingRight: 8 },
    factValue: { flex: 1 },
    callout: { borderLeftWidth: 6, borderLeftColor: '#b1b4b6', paddingLeft: 12, marginVertical: 10 },
    referenceBox: { borderWidth: 3, borderColor: BRAND, padding: 12, marginVertical: 12 },
    referenceLabel: { fontSize: base, marginBottom: 4 },
    referenceValue: { fontSize: base * 2, fontWeight: 700, letterSpacing: 2 },
    tableCaption: { fontWeight: 700, marginTop: 10, marginBottom: 4 },
    tableRow: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: '#b1b4b6', paddingVertical: 4 },
    tableCell: { flex: 1, paddingRight: 6 },
    tableHead: { fontWeight: 700 },
    // A dynamic (render) text ignores an inherited relative line height, so it is given one in points.
    // The line height is set on the body, not the page: a relative line height reaching the
    // page-number text (a dynamic text) stops react-pdf drawing it at all.
    body: { lineHeight: 1.45 },
    footer: { position: 'absolute', bottom: 28, left: 56, right: 56, fontSize: 8.5, color: '#505a5f' },
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
const MASTHEAD_HEIGHT = 34;
const MASTHEAD_GAP = 18;
/** Millimetres between the foot of the window and the letter's first line, so none of it shows. */
const GAP_BELOW_WINDOW = 6;

function Block({ block, styles }: { block: DocumentBlock; styles: ReturnType<typeof stylesFor> }) {
  switch (block.kind) {
    case 'heading':
      return <Text style={block.level === 1 ? styles.h1 : block.level === 2 ? styles.h2 : styles.h3}>{block.text}</Text>;
    case 'paragraph':
      return <Text style={block.style === 'lead' ? styles.lead : block.style === 'small' ? styles.small : styles.paragraph}>{block.text}</Text>;
    case 'list':
      return (
        <View style={{ marginBottom: 8 }}>
          {block.items.map((item, i) => (
            <View key={i} style={styles.listItem} wrap={false}>
              <Text style={styles.bullet}>{block.ordered ? `${i + 1}.` : '•'}</Text>
              <Text style={styles.listText}>{item}</Text>
            </View>
          ))}
        </View>
      );
    case 'facts':
      return (
        <View style={{ marginBottom: 10 }}>
          {block.rows.map((row, i) => (
            <View key={i} style={styles.factRow} wrap={false}>
              <Text style={styles.factLabel}>{row.label}</Text>
              <Text style={styles.factValue}>{row.value}</Text>
            </View>
          ))}
        </View>
      );
    case 'callout':
      return (
        <View style={styles.callout}>
          <Text>{block.text}</Text>
        </View>
      );
    case 'reference':
      return (
        <View style={styles.referenceBox} wrap={false}>
          <Text style={styles.referenceLabel}>{block.label}</Text>
          <Text style={styles.referenceValue}>{block.value}</Text>
        </View>
      );
    case 'table':
      return (
        <View style={{ marginBottom: 10 }}>
          <Text style={styles.tableCaption}>{block.caption}</Text>
          <View style={styles.tableRow}>
            {block.head.map((h, i) => (
              <Text key={i} style={[styles.tableCell, styles.tableHead]}>
                {h}
              </Text>
            ))}
          </View>
          {block.rows.map((row, r) => (
            <View key={r} style={styles.tableRow} wrap={false}>
              {row.map((cell, c) => (
                <Text key={c} style={styles.tableCell}>
                  {cell}
                </Text>
              ))}
            </View>
          ))}
        </View>
      );
    case 'address':
      // Only a letter's first address goes in the window (see renderPdf); another is printed where it stands.
      return <Text style={styles.paragraph}>{block.lines.join('\n')}</Text>;
    default: {
      const never: never = block;
      return never;
    }
  }
}

/**
 * A4 PDF with the document's title and language set, page numbers, and where the web version is.
 * A letter with an address (a posted letter) has it printed where a window envelope shows it,
 * and its first page starts below the window.
 */
export async function renderPdf(source: DocumentSource): Promise<Buffer> {
  registerPdfFonts();
  const styles = stylesFor(source.audience);
  const addressAt = source.blocks.findIndex((b) => b.kind === 'address');
  const address = addressAt >= 0 ? (source.blocks[addressAt] as Extract<DocumentBlock, { kind: 'address' }>) : null;
  const blocks = address ? source.blocks.filter((_, i) => i !== addressAt) : source.blocks;
  const pageLabel = source.language === 'cy' ? 'Tudalen' : 'Page';
  const ofLabel = source.language === 'cy' ? 'o' : 'of';
  return renderToBuffer(
    <Document title={source.title} author={source.organisationName} creator={source.organisationName} producer={source.organisationName} language={source.language === 'cy' ? 'cy-GB' : 'en-GB'}>
      <Page size="A4" style={styles.page} wrap>
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
          {blocks.map((block, i) => (
            <Block key={i} block={block} styles={styles} />
          ))}
          {source.webVersionNote ? <Text style={[styles.small, { marginTop: 14 }]}>{source.webVersionNote}</Text> : null}
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
