// The adjudicator's path end to end: three annotators' exports of the seed article (made here over
// the server's RPC, then the document deleted so the review comes from the files alone), compared
// side by side, disagreements stepped through with the keyboard and settled into gold, gold
// undone and redone, and the exported gold file checked span by span. Screenshots in both languages.
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ExportFileV1 } from '../../shared/export/export-v1';
import { expect, test } from './serve-fixture';
import { type AnnotatorPlan, CLAIM_1, CLAIM_1_SHORT, CLAIM_2, CUE, makeExports, SPEAKER_1, SPEAKER_2, SPEAKER_2_NAME } from './three-annotators';

const SCREENS = process.env.ISNAD_SCREENS_DIR ?? path.resolve('test-results', 'compare-screens');

// Starts and ends inside words, as a hasty selection does: letters must stay joined across the edges.
const SOURCE = 'راسلة الحر';
const SPEAKER_2_TITLE = 'وزير الدفاع الأميركي';

/**
 * In reading order: the cue is missing for Omar, the first speaker is a source for Sara (label),
 * the first claim is shorter for Omar (boundary; Omar and ليلى link it said_by the speaker, Sara
 * according_to her source), only Omar marks the source (missing), the second speaker is shorter for
 * Omar and absent for Sara (boundary), and everyone agrees on the second claim.
 */
const PLANS: Record<string, AnnotatorPlan> = {
  Omar: {
    spans: [['speaker', SPEAKER_1], ['claim', CLAIM_1_SHORT], ['source', SOURCE], ['speaker', SPEAKER_2_NAME], ['claim', CLAIM_2]],
    links: [['said_by', 1, 0]],
  },
  Sara: { spans: [['cue', CUE], ['source', SPEAKER_1], ['claim', CLAIM_1], ['claim', CLAIM_2]], links: [['according_to', 2, 1]] },
  ليلى: {
    spans: [['cue', CUE], ['speaker', SPEAKER_1], ['claim', CLAIM_1], ['speaker', SPEAKER_2], ['claim', CLAIM_2]],
    links: [['said_by', 2, 1]],
  },
};

/** Sizes of each column's highlight of a kind (see ComparePainter). */
function highlightSizes(page: Page, kind: string): Promise<number[]> {
  return page.evaluate((kind) => [0, 1, 2].map((column) => CSS.highlights.get(`isnad-cmp-${column}-${kind}`)?.size ?? -1), kind);
}

/** Selects a phrase in a column's text with the DOM Selection API, as a mouse drag would. */
async function selectInColumn(page: Page, column: number, phrase: string): Promise<void> {
  await page.evaluate(
    ({ column, phrase }) => {
      const text = document.querySelectorAll('[data-testid="compare-text"]')[column]!;
      for (const paragraph of text.children) {
        const node = paragraph.firstChild;
        const index = node?.textContent?.indexOf(phrase) ?? -1;
        if (node === null || index < 0) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + phrase.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`«${phrase}» not in column ${column}`);
    },
    { column, phrase },
  );
}

test('compare three annotators side by side, step through disagreements, adjudicate, export gold', async ({ page, isnad }) => {
  const dir = path.join(tmpdir(), `isnad-compare-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  mkdirSync(SCREENS, { recursive: true });
  // The document is deleted after the export, so gold must store it again from the review.
  const files = await makeExports(isnad.url, dir, PLANS, { deleteDocument: true });

  // The exports named an annotator over RPC, so the app opens without asking for a name.
  await page.goto(isnad.url);
  await page.getByTestId('review-button').click();
  await page.getByTestId('review-file-input').setInputFiles(files);
  await expect(page.getByTestId('review-summary')).toBeVisible();
  await page.getByTestId('review-tab-compare').click();

  const view = page.getByTestId('compare-view');
  await expect(view.getByTestId('compare-column')).toHaveCount(3);
  await expect(view.locator('.compare-column-title')).toHaveText(['Omar', 'Sara', 'ليلى']);
  await expect(view.getByTestId('compare-list-item')).toHaveCount(5);
  expect(await view.getByTestId('compare-list-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')))).toEqual([
    'missing',
    'label',
    'boundary',
    'missing',
    'boundary',
  ]);
  // Omar's five spans: label, boundary, missing (his source), boundary, match.
  expect(await highlightSizes(page, 'match')).toEqual([1, 1, 1]);
  expect(await highlightSizes(page, 'boundary')).toEqual([2, 1, 2]);
  expect(await highlightSizes(page, 'label')).toEqual([1, 1, 1]);
  expect(await highlightSizes(page, 'missing')).toEqual([1, 1, 1]);

  // Agreements first: the second claim, on which all three agree.
  const goldCount = view.getByTestId('compare-gold-count');
  await view.getByTestId('compare-accept-all').click();
  await expect(goldCount).toContainText('1');

  const position = view.getByTestId('compare-position');
  const decision = view.getByTestId('compare-decision');
  await page.keyboard.press('n');
  await expect(position).toContainText('1');
  await expect(decision).toHaveAttribute('data-kind', 'missing');
  await expect(decision).toContainText(CUE);
  // The current disagreement is marked in every column, whether or not that annotator has a span there.
  expect(await highlightSizes(page, 'current')).toEqual([1, 1, 1]);
  await page.screenshot({ path: path.join(SCREENS, 'compare-ar.png') });

  await page.keyboard.press('b'); // the cue, as Sara and ليلى marked it
  await expect(goldCount).toContainText('2');
  await expect(decision).toHaveAttribute('data-kind', 'label');
  await page.keyboard.press('1'); // Omar: speaker, not source
  await expect(goldCount).toContainText('3');
  await expect(decision).toHaveAttribute('data-kind', 'boundary');
  await expect(decision).toContainText(CLAIM_1_SHORT);
  await expect(decision).toContainText(/said_by|according_to/);
  await page.keyboard.press('3'); // ليلى: the longer claim, said_by the speaker now in gold
  await expect(goldCount).toContainText('4');
  await expect(decision).toContainText(SOURCE);
  await page.keyboard.press('0'); // neither: Omar's source is not kept
  await expect(goldCount).toContainText('4');
  await expect(decision).toContainText(SPEAKER_2);

  // Back and forth with the keyboard, then an edited gold span from a selection in Sara's column.
  await page.keyboard.press('k');
  await expect(decision).toContainText(SOURCE);
  await expect(decision.getByTestId('compare-gold-status')).toContainText(/neither|لا شيء/);
  await page.keyboard.press('ArrowDown');
  await expect(decision).toContainText(SPEAKER_2);
  await page.keyboard.press('e');
  await selectInColumn(page, 1, SPEAKER_2_TITLE);
  await view.getByTestId('compare-use-selection').click();
  await expect(view.getByTestId('compare-edit-text')).toHaveText(SPEAKER_2_TITLE);
  await view.locator('.compare-side').screenshot({ path: path.join(SCREENS, 'compare-edit-ar.png') });
  await view.getByTestId('compare-save-edit').click();
  await expect(goldCount).toContainText('5');
  await expect(view.locator('.compare-list-settled')).toHaveCount(5);

  // Gold has its own history: undo drops the edited speaker, redo brings it back.
  await view.getByTestId('compare-gold-undo').click();
  await expect(goldCount).toContainText('4');
  await view.getByTestId('compare-gold-redo').click();
  await expect(goldCount).toContainText('5');

  const downloadPromise = page.waitForEvent('download');
  await view.getByTestId('compare-export-gold').click();
  const exported = ExportFileV1.parse(JSON.parse(readFileSync(await (await downloadPromise).path(), 'utf8')));
  expect(exported.annotators.map((annotator) => annotator.name)).toEqual(['gold']);
  expect(exported.documents).toHaveLength(1);
  const goldDocument = exported.documents[0]!;
  const textOf = new Map(goldDocument.spans.map((span) => [span.id, span.text]));
  expect(goldDocument.relations?.map((relation) => [relation.type, textOf.get(relation.from), textOf.get(relation.to)])).toEqual([['said_by', CLAIM_1, SPEAKER_1]]);
  const spans = goldDocument.spans.map((span) => [span.label, span.text]);
  expect(spans).toEqual([
    ['cue', CUE],
    ['speaker', SPEAKER_1],
    ['claim', CLAIM_1],
    ['speaker', SPEAKER_2_TITLE],
    ['claim', CLAIM_2],
  ]);

  // Scrolling one column scrolls the others to the same paragraph.
  const scrollTops = () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.compare-scroller')].map((scroller) => Math.round(scroller.scrollTop)));
  await page.locator('.compare-scroller').nth(1).evaluate((scroller) => {
    scroller.scrollTop = 1500;
  });
  await expect.poll(async () => (await scrollTops()).map((top) => Math.abs(top - 1500) <= 2)).toEqual([true, true, true]);

  // Screenshots: English interface, and a close-up of highlight edges inside words.
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  await page.getByTestId('language-toggle').click();
  await expect(view.getByTestId('compare-legend')).toContainText('Boundary difference');
  await page.screenshot({ path: path.join(SCREENS, 'compare-en.png') });
  await view.locator('.compare-text').first().evaluate((text) => {
    (text as HTMLElement).style.fontSize = '44px';
  });
  await view.getByTestId('compare-list-item').nth(3).click(); // Omar's source, cut inside words
  await expect(decision).toContainText(SOURCE);
  await page.waitForTimeout(1500); // the flash fades, leaving the plain "missing" style
  await view.locator('.compare-scroller').first().screenshot({ path: path.join(SCREENS, 'compare-zoom.png') });

  // The review reloaded gold after each decision: it compares like any annotator.
  const goldChoice = view.locator('[data-testid="compare-annotator-choice"][data-annotator^="gold"]');
  await expect(goldChoice).toHaveCount(1);
  await view.locator('[data-testid="compare-annotator-choice"][data-annotator="Omar"]').uncheck();
  await goldChoice.check();
  await expect(view.locator('.compare-column-title')).toHaveText(['Sara', 'ليلى', /^gold/]);
  // Gold's claim is linked said_by like ليلى's, Sara's according_to: a link difference.
  await expect(view.getByTestId('compare-list-item')).toHaveCount(3);
  expect(await view.getByTestId('compare-list-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')))).toEqual(['label', 'details', 'boundary']);
});
