// Review page bench: one 20,000-character Arabic document annotated by 3 annotators (150 spans
// each, near-agreeing), exported to 3 files and given to the review page of the built `isnad serve`
// in headless Debian Chromium. Prints the time from choosing the files to the painted measures
// table (budget 0.5 s), the same from "annotators in this database", and the first heat-map.
// Prints numbers, asserts nothing.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDocument, importText, median, random, runWhenMain, startBenchApp } from './bench-support.mjs';

const DOCUMENT_CHARS = 20_000;
const ANNOTATORS = ['ليلى', 'Omar', 'Sara'];
const SPANS_PER_ANNOTATOR = 150;
const RUNS = 5;
const OPEN_BUDGET_MS = 500;

/** Milliseconds between the last `start` mark and the next `isnad:review-rendered` after it. */
async function measureSince(page, startMark, act) {
  const before = await page.evaluate(() => performance.getEntriesByName('isnad:review-rendered').length);
  await act();
  await page.waitForFunction((n) => performance.getEntriesByName('isnad:review-rendered').length > n, before, { timeout: 60_000 });
  return page.evaluate((name) => {
    const start = performance.getEntriesByName(name).at(-1);
    const end = performance.getEntriesByName('isnad:review-rendered').at(-1);
    return end.startTime - start.startTime;
  }, startMark);
}

export async function runReviewBench() {
  const app = await startBenchApp('bench-review');
  try {
    const { dir, rpc, url } = app;
    await rpc('annotators.setCurrent', { name: ANNOTATORS[0] });
    const text = buildDocument('وثيقة اختبار أداء المراجعة', DOCUMENT_CHARS);
    const documentId = await importText(rpc, text);
    const labels = (await rpc('labels.list', {})).map((label) => label.name);
    // One shared set of spans; each annotator keeps most of them and moves some boundaries.
    const next = random(7);
    const base = Array.from({ length: SPANS_PER_ANNOTATOR }, (_, i) => {
      const startUtf16 = Math.floor(next() * (text.length - 200));
      return { label: labels[i % labels.length], startUtf16, endUtf16: startUtf16 + 5 + Math.floor(next() * 120) };
    });
    const files = [];
    for (const name of ANNOTATORS) {
      const annotator = await rpc('annotators.setCurrent', { name });
      for (const span of base) {
        const roll = next();
        const shift = roll < 0.2 ? Math.floor(next() * 5) : 0;
        const label = roll > 0.93 ? labels[(labels.indexOf(span.label) + 1) % labels.length] : span.label;
        await rpc('spans.create', { documentId, label, startUtf16: span.startUtf16 + shift, endUtf16: span.endUtf16 });
      }
      const exported = await rpc('export.build', { annotatorIds: [annotator.id] });
      const filePath = path.join(dir, `${name}.json`);
      writeFileSync(filePath, JSON.stringify(exported));
      files.push(filePath);
    }
    console.log(`setup: ${text.length.toLocaleString('en')} characters, ${ANNOTATORS.length} annotators × ${SPANS_PER_ANNOTATOR} spans, exported to ${files.length} files`);

    const browser = await app.launchChromium();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    await page.getByTestId('review-button').click();
    await page.getByTestId('review-page').waitFor();

    const fromFiles = [];
    const fromDatabase = [];
    for (let run = 0; run < RUNS; run++) {
      // Each run starts from an empty review, so the files are read, hashed, parsed and measured again.
      if ((await page.getByText(/Remove all|إزالة الكل/).count()) > 0) await page.getByText(/Remove all|إزالة الكل/).click();
      fromFiles.push(await measureSince(page, 'isnad:review-files-start', () => page.getByTestId('review-file-input').setInputFiles(files)));
      await page.getByText(/Remove all|إزالة الكل/).click();
      fromDatabase.push(await measureSince(page, 'isnad:review-database-start', () => page.getByTestId('review-load-database').click()));
    }
    const chartBefore = await page.evaluate(() => performance.getEntriesByName('isnad:review-chart-rendered').length);
    const chartStart = await page.evaluate(() => performance.now());
    await page.getByTestId('review-tab-charts').click();
    await page.waitForFunction((n) => performance.getEntriesByName('isnad:review-chart-rendered').length > n, chartBefore);
    const chartMs = (await page.evaluate(() => performance.getEntriesByName('isnad:review-chart-rendered').at(-1).startTime)) - chartStart;

    console.log(
      `review page, 3 export files of a 20,000-character document → measures painted, median of ${RUNS}: ${median(fromFiles).toFixed(0)} ms (budget ${OPEN_BUDGET_MS} ms; first ${fromFiles[0].toFixed(0)}, min ${Math.min(...fromFiles).toFixed(0)}, max ${Math.max(...fromFiles).toFixed(0)})`,
    );
    console.log(`review page, annotators in this database → measures painted, median of ${RUNS}: ${median(fromDatabase).toFixed(0)} ms (min ${Math.min(...fromDatabase).toFixed(0)}, max ${Math.max(...fromDatabase).toFixed(0)})`);
    console.log(`charts tab → first heat-map drawn: ${chartMs.toFixed(0)} ms`);
    return { filesMedianMs: median(fromFiles), databaseMedianMs: median(fromDatabase), chartMs };
  } finally {
    await app.close();
  }
}

runWhenMain(import.meta.url, runReviewBench);
