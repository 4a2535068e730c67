import type { DocumentBlock } from '@complaints/documents';

/**
 * Turns a letter template (as stored in letter_templates, written in the small format described in
 * content/letters/README.md) and the facts of one complaint into a subject and document
 * blocks. Written by hand rather than with a template engine because the format must stay simple
 * enough for national office to edit, must leave out a line whose value is missing (a manager with
 * no phone number), and must refuse a value it does not know rather than print "{{managerPhnoe}}".
 */

/** Where the tracking code goes: filled in only on the printed copy (see letter-document.ts). */
export const TRACKING_CODE_SLOT = '{{trackingCode}}';

export type TemplateValues = Readonly<Record<string, string | null | undefined>>;

export type TemplateInput = {
  /** Every value the template may use; null or empty leaves out the lines that use it. */
  values: TemplateValues;
  /** The `[[if name]]` parts that apply. */
  sections: readonly string[];
  /** The items of each `[[each name]]` part, each with its own values. */
  lists: Readonly<Record<string, readonly TemplateValues[]>>;
  /** The postal address lines for `[[address]]`, or null when the letter is not posted. */
  address: readonly string[] | null;
};

export class LetterTemplateError extends Error {
  override name = 'LetterTemplateError';
}

type Node = { kind: 'line'; text: string } | { kind: 'if' | 'each'; name: string; children: Node[] };

const DIRECTIVE = /^\[\[(\w+)(?:\s+(.+?))?\]\]$/;
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

function parse(body: string): Node[] {
  const root: Node[] = [];
  const stack: Array<{ children: Node[]; name: string }> = [{ children: root, name: '' }];
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const directive = DIRECTIVE.exec(line);
    const top = stack[stack.length - 1]!;
    if (directive && (directive[1] === 'if' || directive[1] === 'each')) {
      if (!directive[2]) throw new LetterTemplateError(`[[${directive[1]}]] needs a name.`);
      const node: Node = { kind: directive[1], name: directive[2].trim(), children: [] };
      top.children.push(node);
      stack.push({ children: node.children, name: node.name });
    } else if (directive && directive[1] === 'end') {
      if (stack.length === 1) throw new LetterTemplateError('[[end]] without an [[if]] or [[each]] to close.');
      stack.pop();
    } else {
      top.children.push({ kind: 'line', text: line });
    }
  }
  if (stack.length > 1) throw new LetterTemplateError(`[[if ${stack[stack.length - 1]!.name}]] or [[each]] is never closed with [[end]].`);
  return root;
}

/** Fills the values in; null when a value the line needs is missing, so the line is left out. */
function fill(text: string, values: TemplateValues): string | null {
  let missing = false;
  const filled = text.replace(PLACEHOLDER, (_, name: string) => {
    if (!Object.hasOwn(values, name)) throw new LetterTemplateError(`The template uses {{${name}}}, which this letter does not have.`);
    const value = values[name];
    if (value === null || value === undefined || value.trim() === '') {
      missing = true;
      return '';
    }
    return value;
  });
  return missing ? null : filled;
}

function expand(nodes: Node[], values: TemplateValues, input: TemplateInput, out: string[]): void {
  for (const node of nodes) {
    if (node.kind === 'line') {
      const filled = fill(node.text, values);
      if (filled !== null) out.push(filled);
    } else if (node.kind === 'if') {
      if (input.sections.includes(node.name)) expand(node.children, values, input, out);
    } else {
      const items = input.lists[node.name];
      if (items === undefined) throw new LetterTemplateError(`The template repeats [[each ${node.name}]], which this letter does not have.`);
      for (const item of items) expand(node.children, { ...values, ...item }, input, out);
    }
  }
}

function toBlocks(lines: string[], input: TemplateInput): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    if (list.length > 0) blocks.push({ kind: 'list', items: list });
    paragraph = [];
    list = [];
  };
  for (const line of lines) {
    const directive = DIRECTIVE.exec(line);
    if (line === '') {
      flush();
    } else if (directive) {
      flush();
      const [, name, label] = directive;
      if (name === 'address') {
        // One block, so the PDF can put it where a window envelope shows it.
        if (input.address && input.address.length > 0) blocks.push({ kind: 'address', lines: [...input.address] });
      } else if (name === 'reference' || name === 'trackingCode') {
        if (!label) throw new LetterTemplateError(`[[${name}]] needs a label, e.g. [[${name} Your reference number]].`);
        const value = name === 'reference' ? input.values.reference : TRACKING_CODE_SLOT;
        if (!value) throw new LetterTemplateError('[[reference]] needs the letter to have a reference.');
        blocks.push({ kind: 'reference', label, value });
      } else {
        throw new LetterTemplateError(`[[${name}]] is not something a letter template can use.`);
      }
    } else if (line.startsWith('### ') || line.startsWith('## ')) {
      flush();
      blocks.push({ kind: 'heading', level: line.startsWith('### ') ? 3 : 2, text: line.replace(/^#+ /, '') });
    } else if (line.startsWith('- ')) {
      if (paragraph.length > 0) {
        blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
        paragraph = [];
      }
      list.push(line.slice(2));
    } else if (line.startsWith('> ')) {
      flush();
      blocks.push({ kind: 'callout', text: line.slice(2) });
    } else {
      if (list.length > 0) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

export function composeLetter(template: { subject: string; body: string }, input: TemplateInput): { subject: string; blocks: DocumentBlock[] } {
  const lines: string[] = [];
  expand(parse(template.body), input.values, input, lines);
  const subject = fill(template.subject, input.values);
  if (subject === null) throw new LetterTemplateError('The subject of the letter uses a value it does not have.');
  return { subject, blocks: toBlocks(lines, input) };
}
