import { describe, expect, it } from 'vitest';
import { exportFileName } from './export-file-name';

const date = new Date(2026, 10, 5, 12, 0, 0);

describe('exportFileName', () => {
  it('keeps Arabic letters and replaces punctuation and path separators', () => {
    expect(exportFileName('واشنطن: القوات / "الأميركية"', date)).toBe('isnad-واشنطن-القوات-الأميركية-2026-11-05.json');
    expect(exportFileName('../../etc/passwd', date)).toBe('isnad-etc-passwd-2026-11-05.json');
  });

  it('names an all-documents export "all" and an unnamed one "document"', () => {
    expect(exportFileName(null, date)).toBe('isnad-all-2026-11-05.json');
    expect(exportFileName('***', date)).toBe('isnad-document-2026-11-05.json');
  });

  it('shortens long titles', () => {
    const name = exportFileName('ك'.repeat(500), date);
    expect(name).toBe(`isnad-${'ك'.repeat(60)}-2026-11-05.json`);
  });
});
