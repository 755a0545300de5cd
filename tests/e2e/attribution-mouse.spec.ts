// The second example with the mouse only: tag a claim, its source and its cue from the
// toolbar, set the claim type in the panel, link source and cue by dragging them from the span list
// onto the claim frame's slots, see the frame light up its spans on hover, unlink with ×, and set the
// document status, which the document list counts.
import type { Locator, Page } from '@playwright/test';
import path from 'node:path';
import { dismissBanner, importAndOpen, startAsAnnotator } from './annotator-session';
import { characterPoint, dragSelectPhrase } from './select-text';
import { expect, fixturesDir, test } from './serve-fixture';
import { highlightTexts } from './highlight-texts';

const fixturePath = path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt');
const CLAIM = 'تسبب بمقتل أكثر من 7000 فلسطيني';
const SOURCE = 'آخر إحصائيات وزارة الصحة في القطاع التابعة لحماس';
const CUE = 'بحسب';
// «بحسب» occurs earlier in the article too: this one is found through the words around it.
const CUE_CONTEXT = 'المدنيين، بحسب آخر';

test('mouse only: tag, set claimType, link by dragging from the panel, hover, unlink, status', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url);
  await importAndOpen(page, [fixturePath], CLAIM);
  await dismissBanner(page);

  await dragSelectPhrase(page, CLAIM);
  await page.getByTestId('tag-button-claim').click();
  await page.getByTestId('attribute-claimType').selectOption('statistic');
  await dragSelectPhrase(page, SOURCE);
  await page.getByTestId('tag-button-source').click();
  // From the start of «بحسب» to the middle of its last letter: snapping completes the word.
  const cueIndex = CUE_CONTEXT.indexOf(CUE);
  await dragBetween(page, await characterPoint(page, CUE_CONTEXT, cueIndex, 'before'), await characterPoint(page, CUE_CONTEXT, cueIndex + CUE.length - 1, 'middle'));
  await page.getByTestId('tag-button-cue').click();

  const spans = page.getByTestId('span-list-item');
  await expect(spans).toHaveCount(3);
  await expect(page.locator('[data-testid="span-list-item"][data-label="cue"] .span-text')).toHaveText(CUE);
  const frame = page.getByTestId('claim-frame');
  await expect(frame.locator('.frame-claim-text')).toHaveText(CLAIM);
  await expect(frame.locator('[data-testid="frame-attribute"][data-attribute="claimType"]')).toHaveText('إحصاء أو رقم');
  await expect(frame.getByTestId('frame-unattributed')).toBeVisible();

  await page.locator('[data-testid="span-list-item"][data-label="source"]').dragTo(slot(frame, 'according_to'));
  await expect(slot(frame, 'according_to').locator('.frame-link-text')).toHaveText(SOURCE);
  await page.locator('[data-testid="span-list-item"][data-label="cue"]').dragTo(slot(frame, 'cued_by'));
  await expect(slot(frame, 'cued_by').locator('.frame-link-text')).toHaveText(CUE);
  await expect(frame.getByTestId('frame-unattributed')).toHaveCount(0);

  // A span of the wrong label is refused by the server, and the banner says why.
  await page.locator('[data-testid="span-list-item"][data-label="cue"]').dragTo(slot(frame, 'said_by'));
  await expect(page.getByTestId('error-banner')).toContainText('مخطط الوسم لا يسمح بهذا الربط');
  await expect(slot(frame, 'said_by').getByTestId('frame-missing')).toBeVisible();
  await dismissBanner(page);

  // Hovering the frame lights up the claim and everything linked to it.
  await frame.locator('.frame-claim-text').hover();
  await expect.poll(() => sortedHighlightTexts(page, 'isnad-frame-hover')).toEqual([CLAIM, CUE, SOURCE].sort());
  await page.getByTestId('document-list-item').hover();
  await expect.poll(() => sortedHighlightTexts(page, 'isnad-frame-hover')).toEqual([]);

  // × removes one link.
  await slot(frame, 'cued_by').getByTestId('frame-unlink-button').click();
  await expect(slot(frame, 'cued_by').getByTestId('frame-missing')).toBeVisible();
  await page.getByTestId('undo-button').click();
  await expect(slot(frame, 'cued_by').locator('.frame-link-text')).toHaveText(CUE);

  // Status: the header select, the document list badge and the counts per status.
  await page.getByTestId('status-select').selectOption('done');
  await expect(page.getByTestId('document-status')).toHaveAttribute('data-status', 'done');
  await expect(page.locator('[data-testid="status-counts"] [data-status="done"] .status-count-value')).toHaveText('1');
  await expect(page.locator('[data-testid="status-counts"] [data-status="not_started"] .status-count-value')).toHaveText('0');

  await page.reload();
  await expect(slot(frame, 'according_to').locator('.frame-link-text')).toHaveText(SOURCE);
  await expect(slot(frame, 'cued_by').locator('.frame-link-text')).toHaveText(CUE);
  await expect(frame.locator('[data-testid="frame-attribute"][data-attribute="claimType"]')).toHaveText('إحصاء أو رقم');
  await expect(page.getByTestId('status-select')).toHaveValue('done');
});

function slot(frame: Locator, relationType: string): Locator {
  return frame.locator(`[data-testid="frame-slot"][data-relation-type="${relationType}"]`);
}

async function dragBetween(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

async function sortedHighlightTexts(page: Page, name: string): Promise<string[]> {
  return (await highlightTexts(page, name)).sort();
}
