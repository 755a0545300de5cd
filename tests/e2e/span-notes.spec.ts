// A note on a span, as an annotator writes one: tag a claim, type a note (Arabic, with an English
// phrase) in the panel, leave the box to save it, see the marker with the note as its tooltip,
// reload, undo it, redo it, save an edit with Ctrl+Enter, and find the note in the Isnad JSON export.
import path from 'node:path';
import { ExportFileV1 } from '../../shared/export/export-v1';
import { dismissBanner, exportIsnadJson, importAndOpen, startAsAnnotator } from './annotator-session';
import { dragSelectPhrase } from './select-text';
import { expect, fixturesDir, test } from './serve-fixture';

const fixturePath = path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt');
const CLAIM = 'تسبب بمقتل أكثر من 7000 فلسطيني';
const NOTE = 'رقم منقول عن وزارة الصحة؛ يُراجع مع البيان الإنجليزي (Ministry of Health figures).';
const EDITED = 'رقم منقول عن وزارة الصحة في غزة.';
const SCREENS = process.env.ISNAD_SCREENS_DIR ?? path.resolve('test-results', 'span-notes-screens');

test('write a note on a span, reload, undo and redo it, edit it with Ctrl+Enter, export it', async ({ page, isnad }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await startAsAnnotator(page, isnad.url);
  await importAndOpen(page, [fixturePath], CLAIM);
  await dismissBanner(page);

  await dragSelectPhrase(page, CLAIM);
  await page.getByTestId('tag-button-claim').click();
  const item = page.getByTestId('span-list-item');
  await expect(item).toHaveCount(1);
  const box = page.getByTestId('span-note');
  await expect(box).toHaveValue('');
  await expect(box).toHaveAttribute('dir', 'auto');
  await expect(item.getByTestId('span-note-marker')).toHaveCount(0);

  // Leaving the box saves the note; the list item shows the marker with the note as its tooltip.
  await box.fill(`  ${NOTE}  `);
  await page.getByTestId('label-counts').click();
  await expect(item.getByTestId('span-note-marker')).toHaveAttribute('title', NOTE);
  await expect(page.getByTestId('undo-button')).toBeEnabled();
  await page.screenshot({ path: path.join(SCREENS, 'notes-ar.png') });

  await page.reload();
  await item.click();
  await expect(page.getByTestId('span-note')).toHaveValue(NOTE);
  await expect(item.getByTestId('span-note-marker')).toHaveAttribute('title', NOTE);

  // Undo takes the note away, redo brings it back: it is one change like any other.
  await page.getByTestId('undo-button').click();
  await expect(item.getByTestId('span-note-marker')).toHaveCount(0);
  await item.click();
  await expect(page.getByTestId('span-note')).toHaveValue('');
  await page.getByTestId('redo-button').click();
  await expect(page.getByTestId('span-note')).toHaveValue(NOTE);

  // Ctrl+Enter saves without leaving the box.
  await box.fill(EDITED);
  await box.press('Control+Enter');
  await expect(box).toBeFocused();
  await expect(item.getByTestId('span-note-marker')).toHaveAttribute('title', EDITED);

  const exported = ExportFileV1.parse(JSON.parse(await exportIsnadJson(page, 'document')));
  expect(exported.documents[0]!.spans.map((span) => [span.text, span.note])).toEqual([[CLAIM, EDITED]]);

  // English interface: the panel turns left-to-right, the Arabic note stays right-to-left (dir="auto").
  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await box.fill(NOTE);
  await box.press('Control+Enter');
  await expect(item.getByTestId('span-note-marker')).toHaveAttribute('title', NOTE);
  expect(await box.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  await page.screenshot({ path: path.join(SCREENS, 'notes-en.png') });
});
