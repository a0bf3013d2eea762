/** The teacher account the e2e server is started with (playwright.config.ts). */
export const E2E_TEACHER = {
  email: "ada@school.example",
  password: "correct horse battery staple",
} as const;
