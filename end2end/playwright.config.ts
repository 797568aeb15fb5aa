import { defineConfig } from "@playwright/test";

// Every journey runs twice: with JavaScript (islands hydrate) and without (plain forms).
const port = Number(process.env.E2E_PORT ?? 3100);
// The SMTP sink the server sends to; its messages are read at the next port (tests/mail.ts).
const mailPort = Number(process.env.E2E_MAIL_PORT ?? 3102);
process.env.E2E_MAIL_PORT = String(mailPort);

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "off",
    launchOptions: {
      // Debian's Chromium; never a downloaded browser.
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "js", use: { javaScriptEnabled: true } },
    { name: "nojs", use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: "bash ./start-server.sh",
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: { E2E_PORT: String(port), E2E_MAIL_PORT: String(mailPort) },
  },
});
