import { expect } from "@playwright/test";

/** One message the SMTP sink received (smtp-sink.mjs). */
export interface Message {
  to: string[];
  text: string;
}

async function messages(): Promise<Message[]> {
  const port = Number(process.env.E2E_MAIL_PORT ?? 3102) + 1;
  const response = await fetch(`http://127.0.0.1:${port}/messages`);
  return (await response.json()) as Message[];
}

/** Waits for the newest message to `to` whose subject is `subject` and returns it. */
export async function awaitMessage(to: string, subject: string): Promise<Message> {
  let found: Message | undefined;
  await expect
    .poll(
      async () => {
        found = (await messages())
          .filter((m) => m.to.includes(to) && m.text.includes(`Subject: ${subject}`))
          .pop();
        return found !== undefined;
      },
      { message: `a message "${subject}" to ${to}`, timeout: 15_000 },
    )
    .toBe(true);
  return found as Message;
}

/** The site path a message links to, starting with `prefix` (e.g. `/password/reset?token=`). */
export function linkIn(message: Message, prefix: string): string {
  const start = message.text.indexOf(prefix);
  expect(start, `a link ${prefix} in the message`).toBeGreaterThanOrEqual(0);
  return message.text.slice(start).split(/[\s<>"]/)[0];
}
