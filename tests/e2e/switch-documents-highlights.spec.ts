// Going from one document to another and back paints each document's own spans every time: the
// spans of the document being left are never painted onto the text of the one being opened.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { dismissBanner, startAsAnnotator } from './annotator-session';
import { highlightTexts } from './highlight-texts';
import { expect, test } from './serve-fixture';

const FIRST = 'أعلنت وزارة الدفاع الأميركية أن القوات وجهت ضربات شرق سوريا.\nوقال الوزير لويد أوستن إن الضربات دفاعية.';
const SECOND = 'ذكرت وكالة الانباء السورية ان الرئيس بشار الاسد اصدر مرسوما.\nواضافت المصادر ان التعديل شمل ثماني حقائب.';
const span = (text: string, phrase: string, label: string) => ({ label, start: [...text.slice(0, text.indexOf(phrase))].length, end: [...text.slice(0, text.indexOf(phrase) + phrase.length)].length, text: phrase });

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-e2e-switch-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every label's painted texts, sorted: what the annotator sees highlighted. */
async function painted(page: Page): Promise<string[]> {
  const texts = await Promise.all(['claim', 'speaker', 'source', 'cue'].map(async (label) => (await highlightTexts(page, `isnad-${label}`)).map((text) => `${label}:${text}`)));
  return texts.flat().sort();
}

test('each document shows its own highlights after switching between documents, again and again', async ({ page, isnad }) => {
  const corpus = path.join(dir, 'corpus.jsonl');
  writeFileSync(
    corpus,
    [
      { id: 'first', title: 'الضربات', text: FIRST, spans: [span(FIRST, 'وزارة الدفاع الأميركية', 'source'), span(FIRST, 'لويد أوستن', 'speaker'), span(FIRST, 'أعلنت', 'cue')] },
      { id: 'second', title: 'التعديل الوزاري', text: SECOND, spans: [span(SECOND, 'وكالة الانباء السورية', 'source'), span(SECOND, 'التعديل شمل ثماني حقائب', 'claim')] },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n'),
  );
  await startAsAnnotator(page, isnad.url, 'سارة');
  await page.getByTestId('import-input').setInputFiles([corpus]);
  await expect(page.getByTestId('document-list-item')).toHaveCount(2);
  await dismissBanner(page);
  const open = (title: string) => page.getByTestId('document-list-item').filter({ hasText: title }).click();
  const first = ['cue:أعلنت', 'source:وزارة الدفاع الأميركية', 'speaker:لويد أوستن'].sort();
  const second = ['claim:التعديل شمل ثماني حقائب', 'source:وكالة الانباء السورية'].sort();

  for (let round = 0; round < 2; round++) {
    await open('الضربات');
    await expect(page.getByTestId('editor')).toContainText('لويد أوستن');
    await expect.poll(() => painted(page)).toEqual(first);
    await open('التعديل الوزاري');
    await expect(page.getByTestId('editor')).toContainText('بشار الاسد');
    await expect.poll(() => painted(page)).toEqual(second);
  }
});
