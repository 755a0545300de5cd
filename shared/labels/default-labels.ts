// The label set of the default attribution schema. Labels are data: the first migration
// seeds them into the database, and everything else reads them from there.
import type { Label } from '../rpc/domain';

export const DEFAULT_LABELS: readonly Label[] = [
  { name: 'claim', color: '#e0a100', shortcutCode: 'Digit1', sortOrder: 1 },
  { name: 'speaker', color: '#1f6fe0', shortcutCode: 'Digit2', sortOrder: 2 },
  { name: 'source', color: '#0f9960', shortcutCode: 'Digit3', sortOrder: 3 },
  { name: 'cue', color: '#a03cc8', shortcutCode: 'Digit4', sortOrder: 4 },
];
