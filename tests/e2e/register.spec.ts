// The speaker/source register in the browser: «لويد أوستن» and a later «أوستن» are linked to one
// entry through the suggestions, the register browser lists that entry with both claims and opens a
// claim in its document; find in the article folds diacritics and hamza forms; switching the
// annotation schema changes the toolbar (and is refused, with the reason, while spans use its labels);
// an exported .json file imported through the import button brings the annotations back.
import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RpcMethod, RpcRequest, RpcResponse } from '../../shared/rpc/contract';
import { canonicalizeText } from '../../shared/text/canonical-text';
import { dismissBanner, importAndOpen, startAsAnnotator } from './annotator-session';
import { expect, fixturesDir, test } from './serve-fixture';

const PENTAGON = path.join(fixturesDir, 'pentagon-strikes-syria-ar.txt');
const OTHER_ARTICLE = path.join(fixturesDir, 'ud-arabic-padt-alhayat.20010204.0082-ar.txt');
const PENTAGON_OPENING = 'أعلنت وزارة الدفاع الأميركية';

/** Calls the app's own RPC endpoint with the page's session token (setting up data the UI spec does not test). */
async function rpc<M extends RpcMethod>(page: Page, method: M, payload: RpcRequest<M>): Promise<RpcResponse<M>> {
  const result = await page.evaluate(
    async ({ method, payload }) => {
      const response = await fetch('/rpc', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('isnad.token') ?? ''}` },
        body: JSON.stringify({ method, payload }),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    { method, payload },
  );
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.message}`);
  return result.value as RpcResponse<M>;
}

/** Two claims by Austin: one names him «لويد أوستن», the next only «أوستن». Returns the two speaker span ids. */
async function austinFrames(page: Page): Promise<{ fullName: string; shortName: string }> {
  const [summary] = await rpc(page, 'documents.list', {});
  const documentId = summary!.id;
  const { document } = await rpc(page, 'documents.get', { documentId });
  const spanOver = async (label: string, phrase: string, after = 0) => {
    const startUtf16 = document.text.indexOf(phrase, after);
    expect(startUtf16).toBeGreaterThanOrEqual(0);
    return rpc(page, 'spans.create', { documentId, label, startUtf16, endUtf16: startUtf16 + phrase.length });
  };
  const fullName = await spanOver('speaker', 'لويد أوستن');
  const shortName = await spanOver('speaker', 'أوستن', document.text.indexOf('وأوضح'));
  const claims = [await spanOver('claim', 'الضربات الدقيقة هي للدفاع عن النفس'), await spanOver('claim', 'الضربات تهدف فقط إلى حماية والدفاع عن قواتنا')];
  await rpc(page, 'relations.create', { type: 'said_by', fromSpanId: claims[0]!.id, toSpanId: fullName.id });
  await rpc(page, 'relations.create', { type: 'said_by', fromSpanId: claims[1]!.id, toSpanId: shortName.id });
  return { fullName: fullName.id, shortName: shortName.id };
}

async function selectSpanInPanel(page: Page, spanId: string): Promise<void> {
  await page.locator(`[data-testid="span-list-item"][data-span-id="${spanId}"]`).click();
  await expect(page.getByTestId('entity-link-field')).toBeVisible();
}

test('links «لويد أوستن» and a later «أوستن» to one register entry, and the register shows its claims', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url, 'أمل');
  await importAndOpen(page, [PENTAGON], PENTAGON_OPENING);
  await dismissBanner(page);
  const speakers = await austinFrames(page);
  await page.reload();
  await expect(page.getByTestId('span-list-item')).toHaveCount(4);

  // The first mention creates the entry from the span's own text.
  await selectSpanInPanel(page, speakers.fullName);
  await expect(page.getByTestId('entity-link-input')).toHaveValue('لويد أوستن');
  await page.getByTestId('entity-create').click();
  await expect(page.getByTestId('entity-linked-name')).toHaveText('لويد أوستن');

  // The later «أوستن» is offered the same entry (matched on the surname) and linked to it.
  await selectSpanInPanel(page, speakers.shortName);
  await expect(page.getByTestId('entity-link-input')).toHaveValue('أوستن');
  await expect(page.getByTestId('entity-linked-name')).toHaveCount(0);
  const suggestion = page.getByTestId('entity-suggestion').filter({ hasText: 'لويد أوستن' });
  await expect(suggestion).toHaveCount(1);
  await suggestion.click();
  await expect(page.getByTestId('entity-linked-name')).toHaveText('لويد أوستن');

  await page.getByTestId('register-button').click();
  const entry = page.getByTestId('register-entry').filter({ hasText: 'لويد أوستن' });
  await expect(page.getByTestId('register-entry')).toHaveCount(1);
  await expect(entry.getByTestId('register-entry-count')).toHaveText('2');
  await entry.getByTestId('register-entry-open').click();
  const claims = page.getByTestId('register-claim');
  await expect(claims).toHaveCount(2);
  await expect(claims.nth(0)).toContainText('الضربات الدقيقة هي للدفاع عن النفس');
  await expect(claims.nth(1)).toContainText('الضربات تهدف فقط إلى حماية والدفاع عن قواتنا');

  // Opening a claim closes the register and selects the claim in its document.
  await claims.nth(1).click();
  await expect(page.getByTestId('register-panel')).toHaveCount(0);
  await expect(page.locator('[data-testid="span-list-item"].is-selected')).toContainText('الضربات تهدف فقط إلى حماية والدفاع عن قواتنا');
});

test('merges a duplicate register entry after confirmation', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url);
  await importAndOpen(page, [PENTAGON], PENTAGON_OPENING);
  await dismissBanner(page);
  const speakers = await austinFrames(page);
  const full = await rpc(page, 'entities.create', { kind: 'speaker', name: 'لويد أوستن' });
  const short = await rpc(page, 'entities.create', { kind: 'speaker', name: 'وزير الدفاع أوستن' });
  await rpc(page, 'spans.linkEntity', { spanId: speakers.fullName, entityId: full.id });
  await rpc(page, 'spans.linkEntity', { spanId: speakers.shortName, entityId: short.id });

  await page.getByTestId('register-button').click();
  await expect(page.getByTestId('register-entry')).toHaveCount(2);
  for (const check of await page.getByTestId('register-entry-check').all()) await check.check();
  await page.getByTestId('register-merge-keep').selectOption(full.id);
  await page.getByTestId('register-merge-button').click();
  await page.getByTestId('register-merge-confirm').click();
  await expect(page.getByTestId('register-entry')).toHaveCount(1);
  await expect(page.getByTestId('register-entry')).toContainText('لويد أوستن');
  await expect(page.getByTestId('register-entry-count')).toHaveText('2');
  await expect(page.getByTestId('register-claim')).toHaveCount(2);
});

test('finds «البنتاغون» whatever its diacritics and alef form, counting and stepping through the hits', async ({ page, isnad }) => {
  const text = canonicalizeText(readFileSync(PENTAGON, 'utf8'));
  const plainCount = text.split('البنتاغون').length - 1;
  expect(plainCount).toBeGreaterThan(2);

  await startAsAnnotator(page, isnad.url);
  await importAndOpen(page, [PENTAGON], PENTAGON_OPENING);
  await dismissBanner(page);
  await page.getByTestId('editor').click();
  await page.keyboard.press('Control+KeyF');
  const input = page.getByTestId('find-input');
  await expect(input).toBeFocused();
  // Hamza on the alef and a damma the article does not have.
  await input.fill('ألبنتاغُون');
  const count = page.getByTestId('find-count');
  await expect(count).toHaveText(`1 / ${plainCount}`);
  const painted = () => page.evaluate(() => (CSS.highlights.get('isnad-find')?.size ?? 0) + (CSS.highlights.get('isnad-find-current')?.size ?? 0));
  expect(await painted()).toBe(plainCount);

  await input.press('Enter');
  await expect(count).toHaveText(`2 / ${plainCount}`);
  await input.press('Shift+Enter');
  await input.press('Shift+Enter');
  await expect(count).toHaveText(`${plainCount} / ${plainCount}`);
  // The current hit is on screen.
  const currentVisible = await page.evaluate(() => {
    const current = [...(CSS.highlights.get('isnad-find-current') ?? [])][0];
    if (current === undefined) return false;
    const range = document.createRange();
    range.setStart(current.startContainer, current.startOffset);
    range.setEnd(current.endContainer, current.endOffset);
    const pane = document.querySelector('.article-scroll')!.getBoundingClientRect();
    const rect = range.getBoundingClientRect();
    return rect.top >= pane.top && rect.bottom <= pane.bottom && range.toString() === 'البنتاغون';
  });
  expect(currentVisible).toBe(true);

  await input.press('Escape');
  await expect(page.getByTestId('find-bar')).toHaveCount(0);
  expect(await painted()).toBe(0);
  await page.getByTestId('find-button').click();
  await expect(page.getByTestId('find-input')).toBeFocused();
});

test('switches the schema to named entities and back, changing the toolbar; refuses while spans use its labels', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url);
  await importAndOpen(page, [OTHER_ARTICLE], 'القاهرة');
  await dismissBanner(page);
  await expect(page.getByTestId('tag-button-claim')).toBeVisible();

  await page.getByTestId('schema-button').click();
  await expect(page.locator('[data-testid="schema-item"][data-schema-id="attribution"] [data-testid="schema-active"]')).toBeVisible();
  await page.getByTestId('schema-use-named_entities').click();
  await expect(page.locator('[data-testid="schema-item"][data-schema-id="named_entities"] [data-testid="schema-active"]')).toBeVisible();
  await page.getByTestId('schema-close').click();
  await expect(page.getByTestId('tag-button-person')).toContainText('شخص');
  await expect(page.getByTestId('tag-button-organization')).toBeVisible();
  await expect(page.getByTestId('tag-button-claim')).toHaveCount(0);

  await page.getByTestId('schema-button').click();
  await page.getByTestId('schema-use-attribution').click();
  await expect(page.locator('[data-testid="schema-item"][data-schema-id="attribution"] [data-testid="schema-active"]')).toBeVisible();
  await page.getByTestId('schema-close').click();
  await expect(page.getByTestId('tag-button-claim')).toBeVisible();
  await expect(page.getByTestId('tag-button-person')).toHaveCount(0);

  // With a claim in the project, named entities cannot be used: the reason names the label.
  const [summary] = await rpc(page, 'documents.list', {});
  await rpc(page, 'spans.create', { documentId: summary!.id, label: 'claim', startUtf16: 0, endUtf16: 6 });
  await page.getByTestId('schema-button').click();
  await page.getByTestId('schema-use-named_entities').click();
  await expect(page.getByTestId('schema-error')).toContainText('«claim» (1 span)');
  await expect(page.locator('[data-testid="schema-item"][data-schema-id="attribution"] [data-testid="schema-active"]')).toBeVisible();
});

test('imports an Isnad export (.json) through the import button: the deleted document comes back with its frames and links', async ({ page, isnad }) => {
  await startAsAnnotator(page, isnad.url);
  await importAndOpen(page, [PENTAGON], PENTAGON_OPENING);
  await dismissBanner(page);
  const speakers = await austinFrames(page);
  const austin = await rpc(page, 'entities.create', { kind: 'speaker', name: 'لويد أوستن' });
  await rpc(page, 'spans.linkEntity', { spanId: speakers.shortName, entityId: austin.id });
  const exported = await rpc(page, 'export.build', {});
  const documentId = exported.documents[0]!.id;
  await rpc(page, 'documents.delete', { documentId });

  const dir = mkdtempSync(path.join(tmpdir(), 'isnad-json-'));
  try {
    const file = path.join(dir, 'amal-export.json');
    writeFileSync(file, JSON.stringify(exported));
    await page.getByTestId('import-input').setInputFiles(file);
    await expect(page.locator('.banner')).toContainText('amal-export.json');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await expect(page.getByTestId('span-list-item')).toHaveCount(4);
  const again = await rpc(page, 'export.build', {});
  expect({ ...again, exportedAt: '' }).toEqual({ ...exported, exportedAt: '' });
  await selectSpanInPanel(page, speakers.shortName);
  await expect(page.getByTestId('entity-linked-name')).toHaveText('لويد أوستن');
});
