import AxeBuilder from "@axe-core/playwright";
import { APIRequestContext, Browser, BrowserContext, expect, request, test, TestInfo } from "@playwright/test";
import { ADMIN, PASSWORD, approveCase, approveReply, createMember, uniqueEmail } from "./helpers";

// Every page, for every role, with JavaScript on and off, against axe-core's WCAG 2.0, 2.1 and
// 2.2 A and AA rules, on pages holding what members really write: indented notes (a code block),
// a word too long for the screen, a table, supervisor feedback, a held reply, a deleted reply's
// tombstone, a draft. No violation of any impact is allowed.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

const REALISTIC = [
  "She arrives fifteen minutes late, every time, and apologises twice.",
  "",
  "    my notes, as I wrote them after the third meeting:",
  "    late again; silent for ten minutes; left early",
  "",
  "A word that never breaks: Antidisestablishmentarianismantidisestablishmentarianismantidisestablishmentarianism.",
  "",
  "| Meeting | What happened |",
  "|---------|---------------|",
  "| First   | On time       |",
  "| Second  | Late, quiet   |",
].join("\n");

async function session(baseURL: string, email: string, password = PASSWORD): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL }, maxRedirects: 0 });
  const res = await api.post("/login", { form: { email, password } });
  expect(res.status()).toBe(303);
  return api;
}

function caseForm(title: string, extra: Record<string, string> = {}): Record<string, string> {
  const form: Record<string, string> = {
    title, age_band: "adult", setting: "outpatient", modality: "cbt", sessions: "6-15", tag: "anxiety",
    situation: REALISTIC, tried: "Naming the pattern, gently.", stuck: "She agrees, then comes late again.",
    blind_spot: "My own wish to **rescue** her.", asking: "What am I not seeing?", intent: "publish",
    disguise: "composite", ...extra,
  };
  return form;
}

/** Posts a form with the author's whole checklist, as the composer sends it. */
async function postCase(api: APIRequestContext, form: Record<string, string>): Promise<string> {
  const body = new URLSearchParams(form);
  for (const key of ["names", "places", "dates", "contacts", "images", "combination", "relations", "own_location"]) body.append("confirm", key);
  const res = await api.post("/cases/new", { data: body.toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
  expect(res.status(), await res.text()).toBe(303);
  return res.headers()["location"].match(/\/cases\/(\d+)/)![1];
}

async function reply(api: APIRequestContext, caseId: string, body: string): Promise<{ id: string; held: boolean }> {
  const res = await api.post(`/cases/${caseId}/replies`, { form: { body } });
  expect(res.status()).toBe(303);
  const to = res.headers()["location"];
  return { id: to.split("#reply-")[1], held: to.includes("reply-held") };
}

interface Forum {
  author: string; peer: string; supervisor: string; moderator: string;
  published: string; pending: string; draft: string; supervisorReply: string; heldReply: string;
}

/** A forum with something on every page. */
async function seed(baseURL: string, info: TestInfo): Promise<Forum> {
  const stamp = `${info.project.name} ${Date.now()}`;
  const f = {
    author: uniqueEmail("a11y.author", info), peer: uniqueEmail("a11y.peer", info),
    supervisor: uniqueEmail("a11y.sup", info), moderator: uniqueEmail("a11y.mod", info),
  };
  await createMember(baseURL, "clinician", f.author, `Ada Author ${stamp}`);
  await createMember(baseURL, "clinician", f.peer, `Pat Peer ${stamp}`);
  await createMember(baseURL, "supervisor", f.supervisor, `Sam Supervisor ${stamp}`);
  await createMember(baseURL, "moderator", f.moderator, `Mo Moderator ${stamp}`);
  const author = await session(baseURL, f.author);
  const published = await postCase(author, caseForm(`A client who arrives late (${stamp})`));
  await approveCase(baseURL, published, info);
  const pending = await postCase(author, caseForm(`A case still in review (${stamp})`));
  const saved = await author.post("/cases/new", { form: { title: `A draft (${stamp})`, situation: REALISTIC, intent: "draft" } });
  expect(saved.status()).toBe(303);
  const draft = saved.headers()["location"].match(/draft=(\d+)/)![1];

  const supervisor = await session(baseURL, f.supervisor);
  const feedback = await reply(supervisor, published, `Consider what lateness protects.\n\n${REALISTIC}`);
  if (feedback.held) await approveReply(baseURL, feedback.id, info);
  const helpful = await author.post(`/replies/${feedback.id}/helpful`, { form: { helpful: "true" } });
  expect(helpful.status()).toBe(303);
  const peer = await session(baseURL, f.peer);
  const regretted = await reply(peer, published, "A reply I will take back.");
  if (regretted.held) await approveReply(baseURL, regretted.id, info);
  const deleted = await peer.post(`/replies/${regretted.id}/delete`, { form: { confirm: "yes", case: published } });
  expect(deleted.status()).toBe(303);
  const held = await reply(peer, published, "A reply that waits for a moderator.");
  expect(held.held).toBe(true);
  for (const api of [author, supervisor, peer]) await api.dispose();
  return { ...f, published, pending, draft, supervisorReply: feedback.id, heldReply: held.id };
}

/** A browser context as the project runs: with JavaScript, or as a browser without it (axe
 * itself needs scripts, so the page's own are blocked instead). */
async function contextFor(browser: Browser, baseURL: string, info: TestInfo): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: true });
  if (info.project.name === "nojs") await context.route(/\/pkg\/.*\.(js|wasm)$/, (r) => r.abort());
  return context;
}

test("every page, for every role, has no WCAG 2.2 A or AA violation", async ({ browser, baseURL }, info) => {
  test.setTimeout(300_000);
  const forum = await seed(baseURL!, info);
  const context = await contextFor(browser, baseURL!, info);
  const page = await context.newPage();
  const found: string[] = [];
  async function check(who: string, path: string) {
    const res = await page.goto(path);
    expect(res?.status() ?? 0, `${who} ${path}`).toBeLessThan(500);
    if (info.project.name === "js" && (await page.locator("script[type=module]").count()) > 0) {
      await page.waitForLoadState("networkidle");
    }
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.passes.length, `axe checked ${path}`).toBeGreaterThan(0);
    for (const v of results.violations) {
      found.push(`${who} ${path}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
    }
  }
  async function signInAs(email: string, password = PASSWORD) {
    await context.clearCookies();
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  }
  const c = forum.published;

  for (const path of [
    "/login", "/login/two-factor", "/password/forgot", "/register", "/password/reset", "/account/email/confirm?token=madeup",
    "/no-such-page",
  ]) await check("visitor", path);
  await signInAs(forum.author);
  const clinicianPages = [
    "/", "/cases", "/cases/mine", "/cases/new", `/cases/new?draft=${forum.draft}`, `/cases/${c}`,
    `/cases/${c}/edit`, `/cases/${c}/follow-up`, `/cases/${forum.pending}`, "/notifications", "/account",
    "/groups", "/search?q=lateness", "/blind-spots",
  ];
  for (const path of clinicianPages) await check("clinician", path);
  // The same in the dark colours the member chose (contrast is checked again).
  await page.goto("/account");
  await page.getByLabel("Dark").check();
  await page.getByRole("button", { name: "Save colours" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  for (const path of clinicianPages) await check("clinician (dark)", path);
  // The realistic content is really on the page that was checked.
  await page.goto(`/cases/${c}`);
  await expect(page.locator(".prose table").first()).toBeVisible();
  await expect(page.locator(".prose pre code").first()).toContainText("late again; silent");
  await expect(page.locator(".reply.tombstone")).toHaveCount(1);
  await expect(page.locator(".reply.supervisor-feedback")).toHaveCount(1);
  await signInAs(forum.peer);
  for (const path of [`/cases/${c}`, `/replies/${forum.supervisorReply}/flag`, `/replies/${forum.heldReply}/edit`]) await check("peer", path);
  await signInAs(forum.supervisor);
  for (const path of [`/cases/${c}`, `/replies/${forum.supervisorReply}/edit`, "/notifications"]) await check("supervisor", path);
  await signInAs(forum.moderator);
  for (const path of ["/review", `/review/${forum.pending}`, `/review/replies/${forum.heldReply}`, `/cases/${c}`, `/cases/${c}/revisions`]) {
    await check("moderator", path);
  }
  await signInAs(ADMIN.email, ADMIN.password);
  for (const path of ["/admin/users", "/admin/invites", "/admin/audit", "/admin/outbox", `/cases/${c}`]) await check("admin", path);
  await context.close();
  expect(found).toEqual([]);
});
