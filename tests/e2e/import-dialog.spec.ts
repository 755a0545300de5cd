// The "Import as…" dialog: ANERcorp named ner.txt read as CoNLL into another annotator's layer, or as
// the plain text its name says; ANERcorp's tags mapped onto the named-entities schema after the first
// try names them; Label Studio predictions; doccano into the gold layer; a file refused in a forced
// format imports nothing and can be retried. Screenshots of the dialog and the header (ar, en) at 1440×900.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { dismissBanner, displayedArticleText, startAsAnnotator } from './annotator-session';
import { expect, fixturesDir, test } from './serve-fixture';
import { rpcCaller } from './three-annotators';

const SCREENS = process.env.ISNAD_SCREENS_DIR ?? path.resolve('test-results', 'screens');
const ANERCORP = path.join(fixturesDir, 'anercorp-camellab-sample.conll');
const PENTAGON = path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt');

// A schema with ANERcorp's four types as labels: its tags (B-PERS, I-LOC, …) are read as them by case alone.
const ANERCORP_SCHEMA = {
  id: 'anercorp',
  version: 1,
  displayName: { ar: 'كيانات ANERcorp', en: 'ANERcorp entities' },
  labels: [
    { name: 'pers', color: '#d9480f', shortcut: 'Digit1', displayName: { ar: 'شخص', en: 'Person' } },
    { name: 'loc', color: '#2f9e44', shortcut: 'Digit2', displayName: { ar: 'مكان', en: 'Location' } },
    { name: 'org', color: '#1971c2', shortcut: 'Digit3', displayName: { ar: 'منظمة', en: 'Organization' } },
    { name: 'misc', color: '#7048e8', shortcut: 'Digit4', displayName: { ar: 'متفرقات', en: 'Miscellaneous' } },
  ],
  relations: [],
};

let dir: string;
test.beforeEach(async ({ page }) => {
  dir = mkdtempSync(path.join(tmpdir(), 'isnad-e2e-import-dialog-'));
  mkdirSync(SCREENS, { recursive: true });
  await page.setViewportSize({ width: 1440, height: 900 });
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The ANERcorp sample under the name ner.txt, which says "plain text". */
function nerTxt(): string {
  const file = path.join(dir, 'ner.txt');
  copyFileSync(ANERCORP, file);
  return file;
}

/** Every header button shows its whole label, and the actions stay inside the window. */
async function expectHeaderFits(page: Page): Promise<void> {
  const clipped = await page.locator('.app-header button').evaluateAll((buttons) => buttons.filter((button) => button.scrollWidth > button.clientWidth + 1).map((button) => button.textContent));
  expect(clipped).toEqual([]);
  const actions = (await page.locator('.header-actions').boundingBox())!;
  const brand = (await page.locator('.brand-name').boundingBox())!;
  expect(actions.x).toBeGreaterThanOrEqual(0);
  expect(actions.x + actions.width).toBeLessThanOrEqual(1440);
  // The brand and the actions do not overlap, whichever side each is on.
  expect(brand.x + brand.width <= actions.x || actions.x + actions.width <= brand.x).toBe(true);
}

async function openDialog(page: Page, files: string[]) {
  await page.getByTestId('import-dialog-button').click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('import-dialog-input').setInputFiles(files);
  await expect(dialog.getByTestId('import-dialog-file')).toHaveCount(files.length);
  return dialog;
}

test('a CoNLL file named ner.txt, forced to CoNLL, goes to another annotator’s layer', async ({ page, isnad }) => {
  const rpc = rpcCaller(isnad.url);
  await rpc('schemas.import', { json: JSON.stringify(ANERCORP_SCHEMA) });
  await rpc('schemas.setActive', { schemaId: 'anercorp' });
  await startAsAnnotator(page, isnad.url, 'سارة');
  await expect(page.getByTestId('document-list-item')).toHaveCount(0);

  const dialog = await openDialog(page, [nerTxt()]);
  const row = dialog.getByTestId('import-dialog-file');
  // Detected by its name: a plain text.
  await expect(row).toHaveAttribute('data-format', 'text');
  await expect(row).toContainText('نص عادي');
  await expect(row).toContainText('كيلوبايت');
  await page.getByTestId('import-format').selectOption('conll');
  await expect(row).toHaveAttribute('data-format', 'conll');
  await expect(row).toContainText('المكتشفة: نص عادي');
  await expect(page.getByTestId('import-format-note')).toContainText('BIO');
  await expect(page.getByTestId('import-layer')).toBeEnabled();
  await page.getByTestId('import-layer').selectOption('other');
  // No name yet: nothing to import into.
  await expect(page.getByTestId('import-submit')).toBeDisabled();
  await page.getByTestId('import-layer-name').fill('  عمر ');
  await expect(page.getByTestId('import-submit')).toBeEnabled();
  await page.screenshot({ path: path.join(SCREENS, 'import-dialog-ar.png') });

  // Each piece is held back a little so that the upload's progress can be seen in the dialog.
  await page.route('**/upload?**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-dialog-progress')).toBeVisible();
  await expect(page.getByTestId('import-submit')).toBeDisabled();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('document-list-item')).toHaveCount(1);
  await expect(page.locator('.banner')).toContainText('ملفات مستوردة: 1');
  // The tags were read as the schema's labels by case alone, and the banner says so.
  await expect(page.locator('.banner')).toContainText('PERS → pers');

  const [summary] = await rpc('documents.list', {});
  const { document, spans } = await rpc('documents.get', { documentId: summary!.id });
  expect(document.text.split('\n')).toHaveLength(200);
  expect(spans.length).toBeGreaterThan(500);
  expect(new Set(spans.map((span) => span.annotatorName))).toEqual(new Set(['عمر']));
  expect(new Set(spans.map((span) => span.label))).toEqual(new Set(['pers', 'loc', 'org', 'misc']));
  // What the annotator sees: the 200 sentences as 200 lines, and عمر's spans in the panel.
  await expect(page.getByTestId('editor')).toContainText('عبدالله الثاني');
  expect((await displayedArticleText(page)).split('\n')).toHaveLength(200);
  await expect(page.getByTestId('span-list-item').first()).toContainText('عمر');
  await dismissBanner(page);

  // The header with a document open, in both languages: nothing cut off at 1440 px.
  await expectHeaderFits(page);
  await page.screenshot({ path: path.join(SCREENS, 'header-ar.png') });
  await page.locator('.app-header').screenshot({ path: path.join(SCREENS, 'header-bar-ar.png') });
  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expectHeaderFits(page);
  await page.screenshot({ path: path.join(SCREENS, 'header-en.png') });
  await page.locator('.app-header').screenshot({ path: path.join(SCREENS, 'header-bar-en.png') });
});

test('ANERcorp into the named-entities schema: the refused labels come back as mappings, read as the schema’s or left out', async ({ page, isnad }) => {
  const rpc = rpcCaller(isnad.url);
  await rpc('schemas.setActive', { schemaId: 'named_entities' });
  await startAsAnnotator(page, isnad.url, 'سارة');
  const file = path.join(dir, 'anercorp.conll');
  copyFileSync(ANERCORP, file);
  const dialog = await openDialog(page, [file]);
  await expect(dialog.getByTestId('import-dialog-file')).toHaveAttribute('data-format', 'conll');
  await expect(page.getByTestId('import-mapping-row')).toHaveCount(0);
  await expect(page.getByTestId('import-predictions')).toHaveCount(0);

  await page.getByTestId('import-submit').click();
  const error = page.getByTestId('import-dialog-error');
  await expect(error).toContainText('unknown labels');
  await expect(error).toContainText('الوسوم التي يفتقدها المخطط');
  expect(await rpc('documents.list', {})).toEqual([]);
  // Each unknown label is offered once, in the order the file first has them.
  const rows = page.getByTestId('import-mapping-row');
  await expect(rows).toHaveCount(4);
  expect(await page.getByTestId('import-mapping-from').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['LOC', 'PERS', 'ORG', 'MISC']);
  const readAs = (label: string) => rows.filter({ has: page.locator(`[data-testid="import-mapping-from"][value="${label}"]`) }).getByTestId('import-mapping-to');
  await readAs('PERS').selectOption('person');
  await readAs('LOC').selectOption('location');
  await readAs('ORG').selectOption('organization');
  await readAs('MISC').selectOption('');
  await expect(readAs('MISC').locator('option:checked')).toHaveText('استبعاد هذه المقاطع');
  await page.screenshot({ path: path.join(SCREENS, 'import-dialog-mapping-ar.png') });

  // A label mapped twice blocks the import until one row goes.
  await page.getByTestId('import-mapping-add').click();
  await rows.nth(4).getByTestId('import-mapping-from').fill('LOC');
  await expect(page.getByTestId('import-mapping-twice')).toContainText('«LOC»');
  await expect(page.getByTestId('import-submit')).toBeDisabled();
  await rows.nth(4).getByTestId('import-mapping-remove').click();
  await expect(page.getByTestId('import-submit')).toBeEnabled();

  await page.getByTestId('import-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.banner')).toContainText('MISC left out');
  const [summary] = await rpc('documents.list', {});
  const { spans } = await rpc('documents.get', { documentId: summary!.id });
  expect(new Set(spans.map((span) => span.label))).toEqual(new Set(['person', 'location', 'organization']));
  await expect(page.getByTestId('tag-button-person')).toBeVisible();

  // The same choices in English.
  await page.getByTestId('language-toggle').click();
  await openDialog(page, [file]);
  await page.getByTestId('import-mapping-add').click();
  await page.getByTestId('import-mapping-from').fill('PERS');
  await expect(page.getByTestId('import-mapping-to').locator('option')).toHaveText(['Person', 'Organization', 'Location', 'Leave these spans out']);
  await page.screenshot({ path: path.join(SCREENS, 'import-dialog-mapping-en.png') });
});

test('Label Studio predictions come in only when asked for, each in its model version’s layer', async ({ page, isnad }) => {
  const text = 'قال وزير الدفاع لويد أوستن إن الضربات دفاعية.';
  const region = (id: string, phrase: string, label: string) => ({ id, from_name: 'label', to_name: 'text', type: 'labels', value: { start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length, text: phrase, labels: [label] } });
  const file = path.join(dir, 'project.json');
  writeFileSync(file, JSON.stringify([{ data: { text }, annotations: [{ completed_by: 7, result: [region('h1', 'وزير الدفاع لويد أوستن', 'speaker')] }], predictions: [{ model_version: 'ner-v2', result: [region('p1', 'الضربات دفاعية', 'claim')] }] }]));
  await startAsAnnotator(page, isnad.url, 'سارة');
  const rpc = rpcCaller(isnad.url);
  const spansNow = async () => {
    const [summary] = await rpc('documents.list', {});
    return (await rpc('documents.get', { documentId: summary!.id })).spans.map((span) => [span.annotatorName, span.label]).sort();
  };
  await openDialog(page, [file]);
  await expect(page.getByTestId('import-predictions')).not.toBeChecked();
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  await expect(page.locator('.banner')).toContainText('1 model prediction(s) were not imported');
  expect(await spansNow()).toEqual([['7', 'speaker']]);
  await dismissBanner(page);

  await openDialog(page, [file]);
  await page.getByTestId('import-predictions').check();
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  expect(await spansNow()).toEqual([
    ['7', 'speaker'],
    ['ner-v2', 'claim'],
  ]);
});

test('the same ner.txt with "Detect" is one plain-text document without spans; the dialog works from the keyboard', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url, 'سارة');
  // The caret follows the import button in the Tab order; Enter opens the dialog, Escape closes it.
  await page.getByTestId('import-button').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('import-dialog-button')).toBeFocused();
  await expect(page.getByTestId('import-dialog-button')).toHaveAccessibleName('استيراد بخيارات…');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('import-dialog-choose')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  await expect(page.getByTestId('import-dialog-button')).toBeFocused();

  const dialog = await openDialog(page, [nerTxt()]);
  await expect(page.getByTestId('import-format')).toHaveValue('detect');
  // A plain text has no spans: no layer to choose, and the reason is given.
  await expect(page.getByTestId('import-layer')).toBeDisabled();
  await expect(page.getByTestId('import-layer')).toHaveAttribute('title', /النصوص العادية بلا وسوم/u);
  await expect(page.getByTestId('import-layer-note')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS, 'import-dialog-text-ar.png') });
  await page.getByTestId('import-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('document-list-item')).toHaveCount(1);
  await expect(page.getByTestId('editor')).toContainText('عبدالله B-PERS');
  await expect(page.getByTestId('span-list-item')).toHaveCount(0);
  const rpc = rpcCaller(isnad.url);
  const [summary] = await rpc('documents.list', {});
  expect(summary?.spanCount).toBe(0);
  const { document } = await rpc('documents.get', { documentId: summary!.id });
  expect(document.sourceName).toBe('ner.txt');
  expect(document.text).toBe(readFileSync(ANERCORP, 'utf8').normalize('NFC'));
});

test('a colleague’s doccano file goes to the gold layer; a file dropped on the dialog joins its list', async ({ page, isnad }) => {
  const text = 'قال وزير الدفاع لويد أوستن إن الضربات «دفاعية» بحسب البيان.';
  const at = (phrase: string, label: string) => [text.indexOf(phrase), text.indexOf(phrase) + phrase.length, label];
  const file = path.join(dir, 'colleague.jsonl');
  writeFileSync(file, `${JSON.stringify({ text, label: [at('وزير الدفاع لويد أوستن', 'speaker'), at('البيان', 'source')] })}\n`);
  await startAsAnnotator(page, isnad.url, 'Sara');
  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

  const dialog = await openDialog(page, [file]);
  await expect(dialog.getByTestId('import-dialog-file')).toHaveAttribute('data-format', 'doccano');
  await expect(dialog.getByTestId('import-dialog-file')).toContainText('doccano JSONL');
  // Dropped while the dialog is open: listed, not imported at once.
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'extra.txt', { type: 'text/plain' }));
    return transfer;
  }, 'نص إضافي.');
  for (const type of ['dragenter', 'dragover', 'drop']) await dialog.dispatchEvent(type, { dataTransfer });
  await expect(dialog.getByTestId('import-dialog-file')).toHaveCount(2);
  await expect(page.getByTestId('document-list-item')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Remove «extra.txt»' }).click();
  await expect(dialog.getByTestId('import-dialog-file')).toHaveCount(1);

  await expect(page.getByTestId('import-layer').locator('option[value="me"]')).toHaveText('Me (Sara)');
  await page.getByTestId('import-layer').selectOption('gold');
  await page.screenshot({ path: path.join(SCREENS, 'import-dialog-en.png') });
  await page.getByTestId('import-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('document-list-item')).toHaveCount(1);
  await expect(page.getByTestId('span-list-item')).toHaveCount(2);
  await expect(page.getByTestId('span-list-item').first()).toContainText('gold');

  const rpc = rpcCaller(isnad.url);
  const [summary] = await rpc('documents.list', {});
  const { spans } = await rpc('documents.get', { documentId: summary!.id });
  expect(spans.map((span) => [span.label, span.text, span.annotatorName])).toEqual([
    ['speaker', 'وزير الدفاع لويد أوستن', 'gold'],
    ['source', 'البيان', 'gold'],
  ]);
});

test('a plain text forced as Label Studio is refused, naming the file; nothing is imported and it can be retried', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url, 'سارة');
  await page.getByTestId('import-input').setInputFiles([PENTAGON]);
  await expect(page.getByTestId('document-list-item')).toHaveCount(1);
  await dismissBanner(page);
  const rpc = rpcCaller(isnad.url);
  const before = await rpc('documents.list', {});

  const file = path.join(dir, 'article.txt');
  writeFileSync(file, 'قال المتحدث باسم الوزارة إن الاتفاق سيوقع غدا في القاهرة.\n');
  const dialog = await openDialog(page, [file]);
  await page.getByTestId('import-format').selectOption('label-studio');
  await page.getByTestId('import-submit').click();
  const error = page.getByTestId('import-dialog-error');
  await expect(error).toContainText('تعذّر استيراد الملف.');
  await expect(error).toContainText('article.txt');
  await expect(error).toContainText('not valid JSON');
  await expect(dialog.getByTestId('import-dialog-file')).toHaveClass(/has-error/u);
  await page.screenshot({ path: path.join(SCREENS, 'import-dialog-error-ar.png') });
  await expect(page.getByTestId('document-list-item')).toHaveCount(1);
  expect(await rpc('documents.list', {})).toEqual(before);

  // The files stay chosen: read as what they are, they import.
  await page.getByTestId('import-format').selectOption('detect');
  await page.getByTestId('import-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('document-list-item')).toHaveCount(2);
});
