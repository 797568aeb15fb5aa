import { expect, Page, TestInfo } from "@playwright/test";

export const ADMIN = { email: "admin@e2e.caseroom.example", password: "velvet orchard compass" };
export const PASSWORD = "quiet harbour lantern 42";

/** A unique email per test and project, so the JS and no-JS runs share one database safely. */
export function uniqueEmail(prefix: string, info: TestInfo): string {
  const n = Math.floor(Math.random() * 1e9);
  return `${prefix}.${info.project.name}.${Date.now()}.${n}@e2e.caseroom.example`;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?notice=signed-out$/);
  await expect(page.getByText("You have signed out.")).toBeVisible();
}

/** The admin creates an invite in the browser and reads the link off the page. */
export async function inviteAs(page: Page, email: string, role: string): Promise<string> {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("link", { name: "Invites" }).click();
  await page.getByLabel("Their email").fill(email);
  await page.getByLabel("Role").selectOption(role);
  // With email set up the link would be emailed; these journeys hand it over themselves.
  await page.getByLabel("Show me the link; I will send it myself").check();
  await page.getByRole("button", { name: "Create invite" }).click();
  await expect(page.getByRole("heading", { name: `Invite created for ${email}` })).toBeVisible();
  const link = await page.getByLabel("Invite link").inputValue();
  await signOut(page);
  return link;
}

export async function register(page: Page, link: string, name: string, password = PASSWORD) {
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await page.getByLabel("Your name, as other members will see it").fill(name);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the new password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/**
 * Creates a member without the browser (sign in as admin, invite, register) so journeys can
 * start from "a clinician exists". The browser journeys themselves cover these steps.
 */
export async function createMember(baseURL: string, role: string, email: string, name: string): Promise<void> {
  const { request } = await import("@playwright/test");
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL }, maxRedirects: 0 });
  const login = await api.post("/login", { form: { email: ADMIN.email, password: ADMIN.password } });
  expect(login.status()).toBe(303);
  const invite = await api.post("/admin/invites", { form: { email, role } });
  expect(invite.status()).toBe(201);
  const link = (await invite.text()).match(/register\?token=([A-Za-z0-9_-]{43})/);
  expect(link).not.toBeNull();
  const fresh = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL }, maxRedirects: 0 });
  const reg = await fresh.post("/register", {
    form: { token: link![1], display_name: name, password: PASSWORD, confirm: PASSWORD },
  });
  expect(reg.status()).toBe(303);
  await api.dispose();
  await fresh.dispose();
}

/** Signs in and waits for the home page. */
export async function signInAs(page: Page, email: string) {
  await signIn(page, email, PASSWORD);
}

/** The author confirms every item of the de-identification checklist on the case form. */
export async function confirmChecklist(page: Page) {
  const checklist = page.getByRole("group", { name: "De-identification checklist" });
  // With JavaScript, the islands above the checklist hydrate at idle time and can move it under
  // the pointer between two clicks; check every box, then make sure all of them stayed checked.
  await expect(async () => {
    for (const box of await checklist.getByRole("checkbox").all()) await box.check({ timeout: 2_000 });
    for (const box of await checklist.getByRole("checkbox").all()) await expect(box).toBeChecked({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await checklist.getByLabel("This is a composite of more than one client.").check();
}

/** The id of the case whose page is open. */
export function caseIdOf(page: Page): string {
  return page.url().match(/\/cases\/(\d+)/)![1];
}

/**
 * A moderator approves the case over HTTP with the whole checklist ticked "absent", for journeys
 * about what happens after publication. The review journey does this in the browser.
 */
export async function approveCase(baseURL: string, caseId: string, info: TestInfo): Promise<void> {
  await approve(baseURL, `/review/${caseId}/decide`, info);
}

/** A moderator approves a reply held at the reply gate, over HTTP. */
export async function approveReply(baseURL: string, replyId: string, info: TestInfo): Promise<void> {
  await approve(baseURL, `/review/replies/${replyId}/decide`, info);
}

/** Signs in a fresh moderator and posts an approval with the whole checklist ticked "absent". */
async function approve(baseURL: string, path: string, info: TestInfo): Promise<void> {
  const { request } = await import("@playwright/test");
  const email = uniqueEmail("approver", info);
  // Names are unique to the eye across the forum, and a test may approve more than once.
  await createMember(baseURL, "moderator", email, `Approver ${info.project.name} ${Math.floor(Math.random() * 1e9)}`);
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL }, maxRedirects: 0 });
  const login = await api.post("/login", { form: { email, password: PASSWORD } });
  expect(login.status()).toBe(303);
  // The decision names the version the review page shows, as the page's form does.
  const page = await (await api.get(path.replace(/\/decide$/, ""))).text();
  const revision = page.match(/name="revision" value="(\d+)"/);
  expect(revision).not.toBeNull();
  const form: Record<string, string> = { decision: "approve", revision: revision![1] };
  for (const key of ["names", "places", "dates", "contacts", "images", "combination", "relations", "own_location", "findings"]) {
    form[`check.${key}`] = "absent";
  }
  const res = await api.post(path, { form });
  expect(res.status()).toBe(303);
  await api.dispose();
}

export interface CaseText {
  title: string;
  situation: string;
  stuck: string;
  asking: string;
  modality?: string;
  sessions?: string;
}

/** Fills the case form's required fields: an adult client seen as an outpatient, CBT and 6–15 sessions unless given. */
export async function fillCase(page: Page, c: CaseText) {
  await page.getByLabel("Title").fill(c.title);
  await page.getByLabel("Client age band").selectOption("adult");
  await page.getByLabel("Setting").selectOption("outpatient");
  await page.getByLabel("Modality").selectOption(c.modality ?? "cbt");
  await page.getByLabel("Sessions so far").selectOption(c.sessions ?? "6-15");
  await page.getByLabel("Situation").fill(c.situation);
  await page.getByLabel("Where I am stuck").fill(c.stuck);
  await page.getByLabel("What I am asking").fill(c.asking);
}
