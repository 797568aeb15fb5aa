import { Browser, BrowserContext, expect, Locator, Page, test, TestInfo } from "@playwright/test";
import { PASSWORD, createMember, uniqueEmail } from "./helpers";

// Composing a case and reviewing it with the keyboard alone: Tab and Shift+Tab to move, typing,
// Space for boxes, arrows within a group of choices, Enter to send. No click, no fill. With
// JavaScript on and off.

async function keyboardContext(browser: Browser, baseURL: string, info: TestInfo): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: true });
  // Without JavaScript the page's own scripts are blocked; the test still asks the browser
  // which element has the focus.
  if (info.project.name === "nojs") await context.route(/\/pkg\/.*\.(js|wasm)$/, (r) => r.abort());
  return context;
}

/** Presses Tab until `target` has the focus; fails if it never gets it. */
async function tabTo(page: Page, target: Locator, max = 250) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`never reached by Tab: ${target}`);
}

/** Within a group of radio buttons, arrows until `target` is checked. */
async function arrowTo(page: Page, target: Locator, max = 10) {
  for (let i = 0; i < max; i++) {
    if (await target.isChecked()) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`never reached by arrows: ${target}`);
}

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
}

test("a case is composed and reviewed with the keyboard alone", async ({ browser, baseURL }, info) => {
  test.setTimeout(120_000);
  const stamp = `${info.project.name} ${Date.now()}`;
  const author = uniqueEmail("keys.author", info);
  const moderator = uniqueEmail("keys.mod", info);
  await createMember(baseURL!, "clinician", author, `Keys Author ${stamp}`);
  await createMember(baseURL!, "moderator", moderator, `Keys Moderator ${stamp}`);
  const context = await keyboardContext(browser, baseURL!, info);
  const page = await context.newPage();
  const title = `Typed without a mouse (${stamp})`;

  await signIn(page, author);
  // From the skip link to the composer.
  await page.goto("/cases/mine");
  await tabTo(page, page.getByRole("link", { name: "Bring a case" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Bring a case" })).toBeVisible();
  await tabTo(page, page.getByLabel("Title"));
  await page.keyboard.type(title);
  for (const [label, option] of [["Client age band", "Adult"], ["Setting", "Outpatient"], ["Modality", "CBT"], ["Sessions so far", "6"]]) {
    await tabTo(page, page.getByLabel(label));
    await page.keyboard.type(option);
  }
  await expect(page.getByLabel("Client age band")).toHaveValue("adult");
  await tabTo(page, page.getByLabel("Anxiety"));
  await page.keyboard.press("Space");
  for (const [label, text] of [["Situation", "A man in his 40s who laughs when he is sad."], ["Where I am stuck", "I laugh with him."], ["What I am asking", "How do I stop joining in?"]]) {
    await tabTo(page, page.getByLabel(label));
    await page.keyboard.type(text);
  }
  const checklist = page.getByRole("group", { name: "De-identification checklist" });
  for (const box of await checklist.getByRole("checkbox").all()) {
    await tabTo(page, box);
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }
  const radios = checklist.getByRole("radio");
  await tabTo(page, radios.first());
  await page.keyboard.press("Space");
  await arrowTo(page, checklist.getByLabel("This is a composite of more than one client."));
  await tabTo(page, page.getByRole("button", { name: "Submit for review" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Your case is in the review queue.")).toBeVisible();

  await context.clearCookies();
  await signIn(page, moderator);
  await tabTo(page, page.getByRole("link", { name: /^Review queue/ }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("link", { name: title }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Claim this case" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("You claimed this case.").first()).toBeVisible();
  for (const group of await page.locator("fieldset.tick").all()) {
    await tabTo(page, group.getByRole("radio").first());
    await page.keyboard.press("Space");
    await arrowTo(page, group.getByLabel("Absent"));
  }
  await tabTo(page, page.getByRole("button", { name: "Approve and publish" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Approved: the case is published")).toBeVisible();
  await context.close();
});
