// The reviewer's path end to end: three annotators annotate the seed article (over the server's RPC,
// as three people would in one database), export one file each; the review page loads the files,
// shows the measures (checked against shared/agreement computed here from the files), draws the
// heat-maps, saves PNG and SVG, reports a bad file, and takes this database's annotators too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { agreementReport } from '../../shared/agreement/agreement-report';
import type { AgreementLink, AgreementSpan, AnnotatedDocument, AnnotatorWork, LinkType } from '../../shared/agreement/types';
import { ExportFileV1 } from '../../shared/export/export-v1';
import { expect, test } from './serve-fixture';
import { type AnnotatorPlan, CLAIM_1, CLAIM_1_SHORT, CLAIM_2, CUE, makeExports, SPEAKER_1, SPEAKER_2, SPEAKER_2_NAME } from './three-annotators';

const SOURCE_1 = 'مراسلة الحرة';

/** Three annotators who agree on much, differ on boundaries, on a label, and on links. */
const PLANS: Record<string, AnnotatorPlan> = {
  ليلى: {
    spans: [['speaker', SPEAKER_1], ['claim', CLAIM_1, 'indirect_quote'], ['cue', CUE], ['speaker', SPEAKER_2], ['claim', CLAIM_2, 'direct_quote']],
    links: [['said_by', 1, 0], ['cued_by', 1, 2], ['said_by', 4, 3]],
  },
  Omar: {
    spans: [['speaker', SPEAKER_1], ['claim', CLAIM_1_SHORT, 'indirect_quote'], ['speaker', SPEAKER_2_NAME], ['claim', CLAIM_2, 'statistic'], ['source', SOURCE_1]],
    links: [['said_by', 1, 0], ['according_to', 1, 4]],
  },
  Sara: {
    spans: [['source', SPEAKER_1], ['claim', CLAIM_1, 'indirect_quote'], ['cue', CUE], ['claim', CLAIM_2, 'direct_quote']],
    links: [['cued_by', 1, 2]],
  },
};

/** The files as shared/agreement's input, built here without shared/review, keyed by annotator name. */
function independentDocuments(paths: readonly string[]): AnnotatedDocument[] {
  const byDocument = new Map<string, { text: string; annotations: Map<string, AnnotatorWork> }>();
  for (const filePath of paths) {
    const file = ExportFileV1.parse(JSON.parse(readFileSync(filePath, 'utf8')));
    const nameOf = new Map(file.annotators.map((a) => [a.id, a.name]));
    for (const doc of file.documents) {
      let entry = byDocument.get(doc.sha256);
      if (entry === undefined) byDocument.set(doc.sha256, (entry = { text: doc.text, annotations: new Map() }));
      for (const [id, name] of nameOf) {
        const spans: AgreementSpan[] = doc.spans
          .filter((s) => s.annotator === id)
          .map((s) => ({ id: s.id, label: s.label, startUtf16: s.startUtf16, endUtf16: s.endUtf16, ...(s.attributes ? { attributes: Object.fromEntries(Object.entries(s.attributes).map(([k, v]) => [k, String(v)])) } : {}) }));
        const links: AgreementLink[] = (doc.relations ?? []).filter((r) => r.annotator === id).map((r) => ({ type: r.type as LinkType, fromSpanId: r.from, toSpanId: r.to }));
        entry.annotations.set(name, { spans, links });
      }
    }
  }
  return [...byDocument].map(([sha256, d]) => ({ sha256, text: d.text, annotations: d.annotations }));
}

/** Drops a file on the page the way a file manager does: dragenter, dragover, drop. */
async function dropFile(page: Page, name: string, content: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, text]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], fileName, { type: 'application/json' }));
      return transfer;
    },
    [name, content] as const,
  );
  for (const type of ['dragenter', 'dragover', 'drop']) await page.locator('body').dispatchEvent(type, { dataTransfer });
}

async function cellValue(page: Page, rowSelector: string, cell: string): Promise<number> {
  const value = await page.locator(`${rowSelector} [data-testid="${cell}"]`).getAttribute('data-value');
  expect(value, `${rowSelector} ${cell}`).not.toBeNull();
  return Number(value);
}

test('review three annotators’ exports: measures, heat-maps, PNG/SVG, errors, this database', async ({ page, isnad }, testInfo) => {
  const paths = await makeExports(isnad.url, path.dirname(isnad.databasePath), PLANS);
  const expected = agreementReport(independentDocuments(paths));
  expect(expected.annotators).toEqual(['Omar', 'Sara', 'ليلى']);

  await page.goto(isnad.url);
  await expect(page.getByTestId('annotator-name')).toContainText('Sara');
  await page.getByTestId('review-button').click();
  await expect(page.getByTestId('review-page')).toBeVisible();
  await page.getByTestId('review-file-input').setInputFiles(paths);
  const labelTable = page.getByTestId('label-table');
  await expect(labelTable).toBeVisible();
  await expect(page.getByTestId('review-summary')).toContainText('3');

  // Per label: the page's numbers are the ones shared/agreement gives on the files read here.
  for (const label of expected.labels) {
    const row = `[data-testid="label-table"] tr[data-label="${label}"]`;
    const exact = expected.spanF1.exact.average.byLabel[label]!;
    if (exact.value !== undefined) expect(await cellValue(page, row, 'exact-f1')).toBeCloseTo(exact.value, 9);
    const overlap = expected.spanF1.overlap.average.byLabel[label]!;
    if (overlap.value !== undefined) expect(await cellValue(page, row, 'overlap-f1')).toBeCloseTo(overlap.value, 9);
    const fleiss = expected.tokens.byLabel[label]!.fleiss.kappa;
    if (fleiss.value !== undefined) expect(await cellValue(page, row, 'fleiss-kappa')).toBeCloseTo(fleiss.value, 9);
    const alpha = expected.tokens.byLabel[label]!.krippendorffAlpha.alpha;
    if (alpha.value !== undefined) expect(await cellValue(page, row, 'krippendorff-alpha')).toBeCloseTo(alpha.value, 9);
    const unitizing = expected.unitizing.byLabel[label]!.alpha;
    if (unitizing.value !== undefined) expect(await cellValue(page, row, 'unitizing-alpha')).toBeCloseTo(unitizing.value, 9);
  }
  for (const pair of expected.spanF1.exact.pairs) {
    const row = `[data-testid="pair-table"] tr[data-pair="${pair.annotatorA} | ${pair.annotatorB}"]`;
    expect(await cellValue(page, row, 'exact-f1')).toBeCloseTo(pair.overall.f1.value!, 9);
  }
  for (const pair of expected.links.pairs) {
    const row = `[data-testid="pair-table"] tr[data-pair="${pair.annotatorA} | ${pair.annotatorB}"]`;
    if (pair.overall.f1.value !== undefined) expect(await cellValue(page, row, 'link-f1')).toBeCloseTo(pair.overall.f1.value, 9);
    const share = pair.byType.said_by.claims.share;
    if (share.value !== undefined) expect(await cellValue(page, row, 'same-speaker')).toBeCloseTo(share.value, 9);
  }
  // By hand: Omar's one said_by (the first claim, said by the Pentagon) is one of ليلى's two; Sara and
  // ليلى mark the same two claims and cue, 3 exact matches of 4 + 5 spans.
  expect(expected.links.pairs.find((p) => p.annotatorA === 'Omar' && p.annotatorB === 'ليلى')!.byType.said_by.matched).toBe(1);
  expect(await cellValue(page, '[data-testid="pair-table"] tr[data-pair="Sara | ليلى"]', 'exact-f1')).toBeCloseTo((2 * 3) / (4 + 5), 9);
  // An undefined measure shows "—" and says why on hover.
  const undefinedCell = page.locator('[data-testid="label-table"] td.measure-undefined').first();
  if ((await undefinedCell.count()) > 0) await expect(undefinedCell).toHaveAttribute('title', /.+/);
  await expect(page.getByTestId('coding-rules')).toContainText('SHA-256');
  await page.screenshot({ path: testInfo.outputPath('review-measures-ar.png') });
  await page.locator('.review-body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
  await page.screenshot({ path: testInfo.outputPath('review-measures-rules-ar.png') });

  // Charts: the pairwise heat-map and the label confusion are drawn; PNG and SVG download.
  await page.getByTestId('review-tab-charts').click();
  const heatmap = page.getByTestId('pair-heatmap');
  await expect(heatmap).toHaveAttribute('data-rendered', 'true');
  await expect(page.getByTestId('label-confusion')).toHaveAttribute('data-rendered', 'true');
  await expect(page.getByTestId('attribute-confusion')).toHaveAttribute('data-rendered', 'true');
  const inked = await heatmap.locator('canvas').first().evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && !(data[i]! > 240 && data[i + 1]! > 240 && data[i + 2]! > 240)) coloured++;
    return coloured;
  });
  expect(inked).toBeGreaterThan(1000);
  await page.getByTestId('heatmap-measure').selectOption('unitizingAlpha');
  await expect(heatmap).toHaveAttribute('data-rendered', 'true');

  const pngDownload = page.waitForEvent('download');
  await heatmap.getByTestId('save-png').click();
  const png = await pngDownload;
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  expect(readFileSync(await png.path()).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const svgDownload = page.waitForEvent('download');
  await heatmap.getByTestId('save-svg').click();
  const svg = await svgDownload;
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  const svgText = readFileSync(await svg.path(), 'utf8');
  await svg.saveAs(testInfo.outputPath('pair-heatmap.svg'));
  await png.saveAs(testInfo.outputPath('pair-heatmap.png'));
  expect(svgText.startsWith('<svg')).toBe(true);
  expect(svgText).toContain('ليلى');
  await page.screenshot({ path: testInfo.outputPath('review-charts-ar.png') });

  // Documents: the seed article with its own F1 and nobody missing.
  await page.getByTestId('review-tab-documents').click();
  await expect(page.getByTestId('document-row')).toHaveCount(1);
  await expect(page.getByTestId('document-label-table')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('review-documents-ar.png') });

  // Side by side: settling the first disagreement (the cue أعلنت) with ليلى's version writes the gold
  // layer; the page then reloads gold from the database, and gold against each annotator appears.
  await page.getByTestId('review-tab-compare').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('review-compare-ar.png') });
  await page.getByTestId('compare-next').click();
  await page.getByTestId('compare-take-3').click();
  await expect(page.getByTestId('review-source').filter({ hasText: 'gold' })).toHaveCount(1);
  await expect(page.getByTestId('review-summary')).toContainText('4');
  await page.getByTestId('review-tab-measures').click();
  await expect(page.locator('[data-testid="pair-table"] tr[data-pair="Omar | gold"] [data-testid="exact-f1"]')).toHaveAttribute('data-value', /\d/);

  // A bad file dropped on the page goes to the review (not to the workspace's import): it is named,
  // nothing crashes, and removing it brings the measures back.
  await dropFile(page, 'broken.json', '{"format": "isnad", "version": 1, "documents": [');
  await expect(page.getByTestId('review-error')).toContainText('broken.json');
  await page.getByRole('button', { name: /broken\.json/ }).click();
  await expect(page.getByTestId('review-summary')).toBeVisible();

  // This database's layers (gold among them) replace the gold-only source: the same three names again, reported, not merged.
  await page.getByTestId('review-load-database').click();
  await expect(page.getByTestId('review-source')).toHaveCount(4);
  await expect(page.locator('[data-testid="review-warnings"] li[data-kind="duplicate-annotator-name"]')).toHaveCount(3);
  await expect(page.getByTestId('review-summary')).toContainText('7');

  // The same page in English: the interface turns ltr, the Arabic names and titles stay Arabic.
  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByTestId('review-tab-measures').click();
  await expect(page.locator('[data-testid="label-table"] tr[data-label="claim"] th')).toHaveText('Claim');
  await page.screenshot({ path: testInfo.outputPath('review-measures-en.png') });
  await page.locator('.review-body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
  await page.screenshot({ path: testInfo.outputPath('review-measures-rules-en.png') });
  await page.getByTestId('review-tab-charts').click();
  await expect(page.getByTestId('pair-heatmap')).toHaveAttribute('data-rendered', 'true');
  await page.screenshot({ path: testInfo.outputPath('review-charts-en.png') });
  await page.getByTestId('review-tab-documents').click();
  await page.screenshot({ path: testInfo.outputPath('review-documents-en.png') });

  await page.getByTestId('review-back').click();
  await expect(page.getByTestId('review-page')).toHaveCount(0);
  await expect(page.getByTestId('document-list-item')).toHaveCount(1);
});
