// Small inline SVG icons (the UI fonts have no reliable symbol glyphs).
const common = { width: 15, height: 15, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

export function PlusIcon() {
  return (
    <svg {...common}>
      <path d="M8 3v10M3 8h10" />
    </svg>
  );
}

export function DownloadIcon() {
  return (
    <svg {...common}>
      <path d="M8 2.5v8m-3.5-3.5L8 10.5 11.5 7M3 13.5h10" />
    </svg>
  );
}

export function TrashIcon() {
  return (
    <svg {...common} strokeWidth={1.3}>
      <path d="M6 2h4m-7 2h10m-8.5 0 .6 9a1 1 0 0 0 1 1h3.8a1 1 0 0 0 1-1l.6-9M6.8 6.5v5m2.4-5v5" />
    </svg>
  );
}

/** The app mark: a chain of three linked rings, for isnad (a chain of attribution). */
export function IsnadMark({ size = 22 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true">
      <circle cx="6" cy="12" r="3.2" />
      <circle cx="12" cy="12" r="3.2" />
      <circle cx="18" cy="12" r="3.2" />
    </svg>
  );
}

export function SearchIcon() {
  return (
    <svg {...common}>
      <circle cx="7" cy="7" r="4.2" />
      <path d="m10.2 10.2 3.3 3.3" />
    </svg>
  );
}

/** Register: a card index of people and sources. */
export function RegisterIcon() {
  return (
    <svg {...common}>
      <rect x="2.5" y="3" width="11" height="10" rx="1.5" />
      <circle cx="6" cy="7" r="1.4" />
      <path d="M4 11c.4-1.2 1.1-1.8 2-1.8s1.6.6 2 1.8M9.5 6.5h2.5M9.5 9h2.5" />
    </svg>
  );
}

export function SchemaIcon() {
  return (
    <svg {...common}>
      <path d="M3 4h10M3 8h10M3 12h6" />
      <circle cx="12" cy="12" r="1.5" />
    </svg>
  );
}

/** The caret of a split button: more choices. */
export function ChevronDownIcon() {
  return (
    <svg {...common}>
      <path d="m4 6.5 4 4 4-4" />
    </svg>
  );
}
