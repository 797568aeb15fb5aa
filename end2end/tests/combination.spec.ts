import AxeBuilder from "@axe-core/playwright";
import { expect, Page, test, TestInfo } from "@playwright/test";
import { caseIdOf, confirmChecklist, createMember, fillCase, signInAs, signOut, uniqueEmail } from "./helpers";

// Passes the scanner's blocking rules, but an exact age, a public job, a family event and a news
// event together may single out one person: a case-level warning, never a block.
const HEADTEACHER = "A retired headteacher in her late 70s, recently widowed, whose son was in the news after the flood.";
const REASON = "Exact age + occupation + family event + news event together may single out one person.";

async function noSeriousAxeViolations(page: Page, info: TestInfo, where: string) {
  if (info.project.name !== "js") return;
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.html).join(" ")}`)).toEqual([]);
}

test("details that together may identify a client are named on Check and on the review page", async ({ page, baseURL }, info) => {
  const author = uniqueEmail("combination.author", info);
  const moderator = uniqueEmail("combination.mod", info);
  await createMember(baseURL!, "clinician", author, `Combination Author ${info.project.name}`);
  await createMember(baseURL!, "moderator", moderator, `Combination Mod ${info.project.name}`);
  const title = `Grief that will not settle (${info.project.name} ${Date.now()})`;

  // Check: the case-level notice names each detail, the field it is in, and what to write instead.
  await signInAs(page, author);
  await page.goto("/cases/new");
  await fillCase(page, {
    title,
    situation: HEADTEACHER,
    stuck: "She says she is fine and stops talking.",
    asking: "How do I stay with her grief?",
  });
  await page.getByRole("button", { name: "Check for identifiers" }).click();
  const notice = page.getByRole("region", { name: "These details together may identify your client" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(REASON);
  await expect(notice.locator("li[data-factor=occupation]")).toContainText("occupation in Situation");
  await expect(notice.locator("li[data-factor=occupation] mark")).toHaveText("headteacher");
  await expect(notice.locator("li[data-factor=age]")).toContainText("give an age band");
  await expect(notice).toContainText("This does not stop you submitting");
  await expect(page.getByLabel("Situation")).toHaveValue(HEADTEACHER);
  await noSeriousAxeViolations(page, info, "composer");

  // It blocks nothing: the case goes to the review queue as it is.
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const caseId = caseIdOf(page);
  await signOut(page);

  // The moderator sees the same details beside the scanner's findings.
  await signInAs(page, moderator);
  await page.goto(`/review/${caseId}`);
  const review = page.getByRole("region", { name: "These details together may identify the client" });
  await expect(review).toBeVisible();
  await expect(review).toContainText(REASON);
  await expect(review.locator("li[data-factor=family] mark")).toHaveText("widowed");
  await expect(review).toContainText("not a block");
  await noSeriousAxeViolations(page, info, "review page");
});

test("an ordinary case gets no combination warning", async ({ page, baseURL }, info) => {
  const author = uniqueEmail("combination.ordinary", info);
  await createMember(baseURL!, "clinician", author, `Ordinary Author ${info.project.name}`);
  await signInAs(page, author);
  await page.goto("/cases/new");
  await fillCase(page, {
    // No digits in the title: a long number there is itself a finding.
    title: `Cancels every third session (${info.project.name})`,
    situation: "A woman in her 30s with recurrent depression who cancels every third session.",
    stuck: "She agrees, then cancels again.",
    asking: "What am I not seeing?",
  });
  await page.getByRole("button", { name: "Check for identifiers" }).click();
  await expect(page.getByRole("heading", { name: "No identifiers found" }).first()).toBeVisible();
  await expect(page.locator(".combination-notice")).toHaveCount(0);
});
