import { Document, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer';
import type { DocumentBlock, DocumentSource } from '../document-model';
import { PDF_FONT_FAMILY, registerPdfFonts } from './fonts';

const BRAND = '#5a2d82';

function stylesFor(audience: 'adult' | 'child') {
  // Clear-print guidance: at least 12 point for adults; children's documents larger still.
  const base = audience === 'child' ? 15 : 12;
  return StyleSheet.create({
    page: { fontFamily: PDF_FONT_FAMILY, fontSize: base, paddingTop: 56, paddingBottom: 64, paddingHorizontal: 56, color: '#0b0c0c' },
    masthead: { borderBottomWidth: 4, borderBottomColor: BRAND, paddingBottom: 8, marginBottom: 18 },
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
  });
}

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
    default: {
      const never: never = block;
      return never;
    }
  }
}

/** A4 PDF with the document's title and language set, page numbers, and where the web version is. */
export async function renderPdf(source: DocumentSource): Promise<Buffer> {
  registerPdfFonts();
  const styles = stylesFor(source.audience);
  const pageLabel = source.language === 'cy' ? 'Tudalen' : 'Page';
  const ofLabel = source.language === 'cy' ? 'o' : 'of';
  return renderToBuffer(
    <Document title={source.title} author={source.organisationName} creator={source.organisationName} producer={source.organisationName} language={source.language === 'cy' ? 'cy-GB' : 'en-GB'}>
      <Page size="A4" style={styles.page} wrap>
        <View style={styles.masthead} fixed>
          <Text style={styles.organisation}>{source.organisationName}</Text>
        </View>
        <View style={styles.body}>
          {source.blocks.map((block, i) => (
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
