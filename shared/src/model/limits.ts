/** Size caps shared by client (to warn early) and server (to enforce). */
export const LIMITS = {
  cardText: 2000,
  title: 200,
  displayName: 60,
  department: 60,
} as const;
