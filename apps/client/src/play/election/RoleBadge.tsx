import type { RaftRole } from "@quorum/shared/modes/election/index";
import { useI18n } from "../../i18n.tsx";

/**
 * E1: each role has a shape of its own (P7: never colour alone) — a follower a circle, a
 * candidate a triangle (a raised hand), a leader a star.
 */
export function RoleShape({ of: role, class: className = "" }: { of: RaftRole; class?: string }) {
  return (
    <svg
      class={`role-shape role-shape--${role} ${className}`}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      {role === "follower" && <circle cx="12" cy="12" r="9" />}
      {role === "candidate" && <path d="M12 2.5 22 20.5H2Z" />}
      {role === "leader" && (
        <path d="M12 1.8l2.9 6.6 7.2.6-5.5 4.7 1.7 7-6.3-3.8-6.3 3.8 1.7-7L1.9 9l7.2-.6Z" />
      )}
    </svg>
  );
}

/** E1: the server's role, as a shape and a word. */
export function RoleBadge({ of: role }: { of: RaftRole }) {
  const { t } = useI18n();
  return (
    <p class={`role-badge role-badge--${role}`} data-role={role}>
      <RoleShape of={role} />
      <span>{t(`election.role.${role}`)}</span>
    </p>
  );
}
