/** Three nodes and their links: the smallest network that can reach a quorum. */
export function Logo({ size }: { size: number }) {
  return (
    <svg class="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <path d="M8 9 24 9 16 24Z" fill="none" stroke="currentColor" stroke-width="2.5" />
      <circle cx="8" cy="9" r="5" fill="var(--net-node)" stroke="currentColor" stroke-width="2" />
      <circle cx="24" cy="9" r="5" fill="var(--net-node)" stroke="currentColor" stroke-width="2" />
      <circle
        cx="16"
        cy="24"
        r="5"
        fill="var(--net-packet)"
        stroke="currentColor"
        stroke-width="2"
      />
    </svg>
  );
}
