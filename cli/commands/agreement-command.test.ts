// `isnad agreement`, run in-process on three annotators' exports of the seed article made here, with
// differences whose scores are worked out by hand; every format's shape; and the files it must refuse.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportFileV1 } from '../../shared/export/export-v1';
import type { ReviewReport } from '../../shared/review/review-report';
import { makeExportFile, type ExportDocumentSpec, type PhraseSpan } from '../../shared/review/test-support/make-export-file';
import { runCli } from '../run-cli';
import { captureIo, fixturesDir } from '../test-support/capture-io';

const ARTICLE = readFileSync(path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt'), 'utf8').replace(/\r\n?/g, '\n').normalize('NFC');
// A second document: the article's first line on its own (a different text, so a different SHA-256).
const HEADLINE = ARTICLE.split('\n')[0]!;
const X = 'القوات الأميركية وجهت ضربات لمنشأتين تابعتين للحرس الثوري الإيراني في شرق سوريا';
const Y = '"الضربات الدقيقة هي للدفاع عن النفس';
const Z = 'الضربات الدقيقة هي للدفاع عن النفس'; // Y without its opening quote: overlaps Y with IoU > 0.5

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-agreement-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeExport(name: string, annotator: string, documents: readonly { text: string; spans: readonly Omit<PhraseSpan, 'annotator'>[] }[]): string {
  const id = `id-${annotator}`;
  // Both documents get the same title (the article's first line): only the text tells them apart.
  const specs: ExportDocumentSpec[] = documents.map((d) => ({ text: d.text, title: HEADLINE, spans: d.spans.map((s) => ({ ...s, annotator: id })) }));
  writeFileSync(path.join(dir, name), JSON.stringify(makeExportFile([{ id, name: annotator }], specs, sha256Hex)));
  return name;
}

/** A {x, y}, B {x, z}, C {x, y} claims on the article; A and B also have the headline, C does not. */
function writeThree(): string[] {
  return [
    writeExport('amal.json', 'Amal', [{ text: ARTICLE, spans: [{ label: 'claim', phrase: X }, { label: 'claim', phrase: Y }] }, { text: HEADLINE, spans: [] }]),
    writeExport('badr.json', 'Badr', [{ text: ARTICLE, spans: [{ label: 'claim', phrase: X }, { label: 'claim', phrase: Z }] }, { text: HEADLINE, spans: [] }]),
    writeExport('chadi.json', 'Chadi', [{ text: ARTICLE, spans: [{ label: 'claim', phrase: X }, { label: 'claim', phrase: Y }] }]),
  ];
}

async function run(...argv: string[]) {
  const io = captureIo({ cwd: dir });
  const status = await runCli(argv, io);
  return { status, stdout: io.out.join(''), stderr: io.err.join('') };
}

describe('isnad agreement on three annotators', () => {
  it('json: the full report with the hand-computed F1 and the missing document', async () => {
    const result = await run('agreement', '--format', 'json', ...writeThree());
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as ReviewReport;
    expect(report.format).toBe('isnad-agreement');
    expect(report.agreement.annotators).toEqual(['Amal', 'Badr', 'Chadi']);
    const exact = report.agreement.spanF1.exact;
    // Amal–Badr share x only: 2·1/(2+2) = 0.5; Amal–Chadi agree fully: 1; Badr–Chadi: 0.5.
    expect(exact.pairs.map((p) => [p.annotatorA, p.annotatorB, p.byLabel['claim']!.f1.value])).toEqual([
      ['Amal', 'Badr', 0.5],
      ['Amal', 'Chadi', 1],
      ['Badr', 'Chadi', 0.5],
    ]);
    expect(exact.average.byLabel['claim']!.value).toBeCloseTo(2 / 3, 12);
    expect(report.agreement.spanF1.overlap.average.byLabel['claim']).toEqual({ value: 1 });
    // Matched by SHA-256; the headline is kept with Chadi missing, and the pair counts show it.
    expect(report.documents.map((d) => [d.sha256, d.missing])).toEqual([
      [sha256Hex(ARTICLE), []],
      [sha256Hex(HEADLINE), ['Chadi']],
    ]);
    expect(exact.pairs.map((p) => p.documentCount)).toEqual([2, 1, 1]);
    expect(report.warnings.map((w) => w.kind)).toEqual(['missing-documents']);
    expect(report.perDocument).toHaveLength(2);
  });

  it('table (the default): inputs, coding rules, and columns per label, pair and document', async () => {
    const result = await run('agreement', ...writeThree());
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/^Isnad agreement report\n/);
    expect(out).toContain('Annotators: 3: Amal, Badr, Chadi');
    expect(out).toContain('Documents: 2, 1 annotated by everyone');
    expect(out).toContain("Intl.Segmenter('ar', {granularity: 'word'})");
    expect(out).toContain('One binary coding per label');
    expect(out).toContain('intersection over union ≥ 0.5');
    expect(out).toMatch(/\n {2}label +exact F1 +overlap F1 +Cohen κ +Fleiss κ +Krippendorff α +unitizing αU\n/);
    expect(out).toMatch(/\n {2}claim +0\.667 +1\.000 /);
    expect(out).toMatch(/\n {2}Amal \| Badr +claim +0\.500 +1\.000 +2\/2\/2 /);
    expect(out).toMatch(new RegExp(`\\n {2}${sha256Hex(HEADLINE).slice(0, 12)} +\\(all labels\\) .*2 \\(missing: Chadi\\) +${HEADLINE.slice(0, 20)}`));
  });

  it('csv: one row per scope, label, measure and pair, with value or undefined_reason', async () => {
    const result = await run('agreement', '--format', 'csv', ...writeThree());
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\r\n');
    expect(lines[0]).toBe('scope,label,measure,pair,value,undefined_reason');
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1).map((l) => l.split(','));
    expect(rows.every((r) => r.length === 6)).toBe(true);
    expect(lines).toContain('all,claim,exact_f1,Amal | Badr,0.5,');
    expect(lines).toContain('all,claim,overlap_f1,mean,1,');
    expect(lines).toContain(`document:${sha256Hex(ARTICLE)},claim,exact_f1,Amal | Chadi,1,`);
    // No link in export v1: undefined with its reason, never a number.
    expect(lines).toContain('all,*,link_f1,mean,,no-links');
    // Z leaves out only a quote mark, which is no word token: the token codings agree fully.
    expect(lines).toContain('all,claim,cohen_kappa,mean,1,');
  });

  it('html to --out: self-contained, three SVG plots, no script at all', async () => {
    const result = await run('agreement', '--format', 'html', '--out', 'report.html', ...writeThree());
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Wrote the html agreement report \(3 annotators, 2 documents\) to .*report\.html\n$/);
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<svg/g)).toHaveLength(3);
    expect(html).not.toMatch(/<script|javascript:|\son\w+=/i);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`);
    expect(html).toContain('Pairwise overlap F1');
    expect(html).toContain('Label confusion between annotators');
  });

  it('escapes annotator names in the HTML and its plots', async () => {
    const files = [writeExport('x.json', '<script>alert(1)</script>', [{ text: HEADLINE, spans: [] }]), writeExport('y.json', 'Badr', [{ text: HEADLINE, spans: [] }])];
    const result = await run('agreement', '--format', 'html', ...files);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('&#60;script&#62;alert(1)');
    expect(result.stdout).not.toMatch(/<script/i);
  });

  it('shows links and attributes when the files have relations and attribute values', async () => {
    const withLinks = (name: string, annotator: string, claimType: string): string => {
      const id = `id-${annotator}`;
      const file = makeExportFile(
        [{ id, name: annotator }],
        [
          {
            text: ARTICLE,
            spans: [
              { annotator: id, label: 'claim', phrase: X, key: 'claim', attributes: { claimType } },
              { annotator: id, label: 'speaker', phrase: 'وزارة الدفاع الأميركية', key: 'speaker' },
            ],
            relations: [{ annotator: id, type: 'said_by', from: 'claim', to: 'speaker' }],
          },
        ],
        sha256Hex,
      );
      writeFileSync(path.join(dir, name), JSON.stringify(file));
      return name;
    };
    const files = [withLinks('amal.json', 'Amal', 'paraphrase'), withLinks('badr.json', 'Badr', 'quote')];
    const table = (await run('agreement', ...files)).stdout;
    expect(table).toMatch(/\n {2}Amal \| Badr +said_by +1\.000 +1\/1\/1 +1\.000 +1\/1\n/);
    // One matched claim, paraphrase against quote: p_o = 0 and p_e = 0, so κ = 0 (and α = 1 − 1/1 = 0).
    expect(table).toMatch(/\n {2}Amal \| Badr +claim\.claimType +1 +0 +0\.000 +0\.000\n/);
    const csv = (await run('agreement', '--format', 'csv', ...files)).stdout.split('\r\n');
    expect(csv).toContain('all,said_by,link_f1,Amal | Badr,1,');
    expect(csv).toContain('all,said_by,same_target_share,mean,1,');
    expect(csv).toContain('all,claim.claimType,attribute_kappa,Amal | Badr,0,');
  });

  it('--label limits the labels measured', async () => {
    const result = await run('agreement', '--format', 'json', '--label', 'claim', ...writeThree());
    expect((JSON.parse(result.stdout) as ReviewReport).agreement.labels).toEqual(['claim']);
  });

  it('with one annotator, says the measures are undefined and why', async () => {
    const result = await run('agreement', writeExport('amal.json', 'Amal', [{ text: ARTICLE, spans: [{ label: 'claim', phrase: X }] }]));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('NOTE: The files name only one annotator («Amal»): agreement needs at least two annotators, so every measure is undefined');
    expect(result.stdout).toContain('— (fewer-than-two-annotators)');
  });
});

describe('isnad agreement refuses bad input with one line', () => {
  function expectFailure(result: { status: number; stdout: string; stderr: string }, status: number, pattern: RegExp): void {
    expect(result.status).toBe(status);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^isnad: [^\n]+\n$/);
    expect(result.stderr).toMatch(pattern);
  }

  it('exits 1 naming a file that is not JSON or not an Isnad export', async () => {
    const [amal] = writeThree();
    writeFileSync(path.join(dir, 'notes.json'), 'not json at all');
    expectFailure(await run('agreement', amal!, 'notes.json'), 1, /^isnad: «notes\.json»: not JSON \(/);
    writeFileSync(path.join(dir, 'v2.json'), JSON.stringify({ format: 'isnad', version: 2 }));
    expectFailure(await run('agreement', amal!, 'v2.json'), 1, /«v2\.json»: Isnad export version 2 is not supported/);
  });

  it('exits 1 with the zod path of a schema violation', async () => {
    const [amal] = writeThree();
    const file = JSON.parse(readFileSync(path.join(dir, amal!), 'utf8')) as ExportFileV1;
    (file.documents[0]!.spans[1] as { endUtf16: unknown }).endUtf16 = -3;
    writeFileSync(path.join(dir, 'broken.json'), JSON.stringify(file));
    expectFailure(await run('agreement', 'broken.json'), 1, /^isnad: «broken\.json»: documents\[0\]\.spans\[1\]\.endUtf16: /);
  });

  it('exits 1 when a span’s text does not match its offsets', async () => {
    const [amal] = writeThree();
    const file = JSON.parse(readFileSync(path.join(dir, amal!), 'utf8')) as ExportFileV1;
    file.documents[0]!.spans[0]!.text = 'نص لا يطابق';
    writeFileSync(path.join(dir, 'edited.json'), JSON.stringify(file));
    expectFailure(await run('agreement', 'edited.json', 'badr.json'), 1, /«edited\.json»: documents\[0\]\.spans\[0\] \(span «span-1»\): its text «نص لا يطابق» does not match/);
  });

  it('exits 1 for a missing file and 2 for a usage error', async () => {
    expectFailure(await run('agreement', 'missing.json'), 1, /cannot read «missing\.json»: no such file/);
    expectFailure(await run('agreement'), 2, /agreement: name the export files/);
    expectFailure(await run('agreement', '--format', 'xml', 'a.json'), 2, /--format must be one of table, json, csv, html/);
  });
});
