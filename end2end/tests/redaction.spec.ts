import { expect, test } from "@playwright/test";
import { approveCase, caseIdOf, confirmChecklist, createMember, fillCase, signInAs, signOut, uniqueEmail } from "./helpers";

test("a moderator redacts a nickname and it is gone from the case and its revisions", async ({ page, baseURL }, info) => {
  const author = uniqueEmail("redacted.author", info);
  const moderator = uniqueEmail("redacting.mod", info);
  await createMember(baseURL!, "clinician", author, `Redacted Author ${info.project.name}`);
  await createMember(baseURL!, "moderator", moderator, `Redacting Mod ${info.project.name}`);
  const nickname = `zqvplum${info.project.name}${Date.now() % 100000}`;
  const title = `A client known by a nickname (${info.project.name} ${Date.now()})`;

  await signInAs(page, author);
  await page.goto("/cases/new");
  await fillCase(page, {
    title,
    situation: `Everyone at her work calls her ${nickname}, and she hates it.`,
    stuck: "I do not know whether to use the name she hates.",
    asking: "How do others handle names in the room?",
  });
  await confirmChecklist(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await approveCase(baseURL!, caseIdOf(page), info);
  const caseUrl = page.url().replace(/\?.*$/, "");
  await signOut(page);

  await signInAs(page, moderator);
  await page.goto(caseUrl);
  await expect(page.locator(".case")).toContainText(nickname);
  await page.getByText("Redact identifying text").click();
  await page.getByLabel("Text to redact").fill(nickname.toUpperCase());
  await page.getByLabel("What it is").selectOption("name");
  await page.getByRole("button", { name: "Redact everywhere" }).click();
  await expect(page.getByRole("status")).toContainText("Redacted from the case");
  await expect(page.locator(".case")).toContainText("[redacted: name]");
  expect((await page.content()).toLowerCase()).not.toContain(nickname.toLowerCase());

  // Search no longer finds the case by the redacted word.
  await page.goto(`/search?q=${nickname}`);
  await expect(page.getByText("No published case matches")).toBeVisible();
  await page.goto(caseUrl);

  await page.getByRole("link", { name: "Revisions" }).click();
  await expect(page.getByText("[redacted: name]").first()).toBeVisible();
  expect((await page.content()).toLowerCase()).not.toContain(nickname.toLowerCase());

  // Redacting text that is not there is refused and says so; the form keeps what was typed.
  await page.goto(caseUrl);
  await page.getByText("Redact identifying text").click();
  await page.getByLabel("Text to redact").fill("words that are not here");
  await page.getByRole("button", { name: "Redact everywhere" }).click();
  await expect(page.getByRole("alert")).toContainText("That text is not in this case");
  await expect(page.getByLabel("Text to redact")).toHaveValue("words that are not here");
});
