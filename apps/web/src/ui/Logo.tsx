/** The Strategist mark: a rising line on the brand violet (the same drawing as the favicon). */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#4f3fd1" />
      <path d="M9 21.5 14 16l3.5 3.5L23 12" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="23" cy="12" r="2.4" fill="#ffb4a6" />
    </svg>
  );
}
