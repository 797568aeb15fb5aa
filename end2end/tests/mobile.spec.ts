import { Browser, BrowserContext, expect, Page, request, test, TestInfo } from "@playwright/test";
import { ADMIN, PASSWORD, approveCase, confirmChecklist, createMember, fillCase, uniqueEmail } from "./helpers";

// A phone (390 × 844): the pages a clinician and a moderator use most, holding what members
// write (a wide table, a long unbroken word, indented notes), never grow wider than the screen.
// Each page's full screenshot is compared with the screen's width. JavaScript on and off.
const WIDTH = 390;

const WIDE = [
  "A word that never breaks: Pneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopic.",
  "",
  "    notes kept as typed, a long line that would not wrap on its own at all, on any phone",
  "",
  "| First meeting | Second meeting | Third meeting | Fourth meeting | Fifth meeting |",
  "|---------------|----------------|---------------|----------------|---------------|",
  "| on time, talkative | late, quiet | late, angry | on time, tearful | did not come |",
].join("\n");

/** The project's browser at phone size; without JavaScript the page's own scripts are blocked
 * (the measuring needs the browser's). */
async function phone(browser: Browser, baseURL: string, info: TestInfo): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL, viewport: { width: WIDTH, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true,
  });
  if (info.project.name === "nojs") await context.route(/\/pkg\/.*\.(js|wasm)$/, (r) => r.abort());
  return context;
}

/** The width of the page's full screenshot, from its PNG header. */
async function screenshotWidth(page: Page): Promise<number> {
  const png = await page.screenshot({ fullPage: true });
  return png.readUInt32BE(16);
}

/** What is wider than the screen: the page's own measure, then the widest offenders by name. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const r = el.getBoundingClientRect();
      // What scrolls inside its own box (a table, a code block) is fine; only the page may not.
      let scroller = el.parentElement;
      let inside = false;
      while (scroller) {
        const s = getComputedStyle(scroller);
        if ((s.overflowX === "auto" || s.overflowX === "scroll") && scroller.clientWidth <= width) inside = true;
        scroller = scroller.parentElement;
      }
      if (!inside && r.width > 0 && r.right > width + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`);
    }
    return out.slice(0, 5);
  }, WIDTH);
}

test("the pages fit a phone's screen", async ({ browser, baseURL }, info) => {
  test.setTimeout(120_000);
  const stamp = `${info.project.name} ${Date.now()}`;
  const author = uniqueEmail("phone.author", info);
  const moderator = uniqueEmail("phone.mod", info);
  await createMember(baseURL!, "clinician", author, `Phone Author ${stamp}`);
  await createMember(baseURL!, "moderator", moderator, `Phone Moderator ${stamp}`);
  const context = await phone(browser, baseURL!, info);
  const page = await context.newPage();
  const problems: string[] = [];
  async function measure(who: string, path: string) {
    await page.goto(path);
    const width = await screenshotWidth(page);
    const wide = await overflow(page);
    if (width > WIDTH || wide.length > 0) problems.push(`${who} ${path}: screenshot ${width}px wide; ${wide.join(", ")}`);
  }
  async function signIn(email: string, password = PASSWORD) {
    await context.clearCookies();
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  }

  await measure("visitor", "/login");
  await signIn(author);
  // Written on the phone itself.
  await page.goto("/cases/new");
  await fillCase(page, { title: `Written on a phone (${stamp})`, situation: WIDE, stuck: "I lose the thread.", asking: "What am I missing?" });
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Your case is in the review queue.")).toBeVisible();
  const id = page.url().match(/\/cases\/(\d+)/)![1];
  await measure("clinician", `/cases/${id}`);
  await approveCase(baseURL!, id, info);
  const pending = await (async () => {
    await page.goto("/cases/new");
    await fillCase(page, { title: `Waiting on a phone (${stamp})`, situation: WIDE, stuck: "Stuck.", asking: "Help?" });
    await confirmChecklist(page);
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("Your case is in the review queue.")).toBeVisible();
    return page.url().match(/\/cases\/(\d+)/)![1];
  })();
  for (const path of ["/", "/cases", "/cases/mine", "/cases/new", `/cases/${id}`, "/notifications", "/account", "/blind-spots", "/search?q=meeting"]) {
    await measure("clinician", path);
  }
  await signIn(moderator);
  for (const path of ["/review", `/review/${pending}`, `/cases/${id}`, `/cases/${id}/revisions`]) await measure("moderator", path);
  await signIn(ADMIN.email, ADMIN.password);
  for (const path of ["/admin/users", "/admin/invites", "/admin/audit"]) await measure("admin", path);
  await context.close();
  expect(problems).toEqual([]);
});
