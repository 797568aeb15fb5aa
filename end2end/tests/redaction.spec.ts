import { expect, test } from "@playwright/test";
import { approveCase, caseIdOf, confirmChecklist, createMember, signInAs, signOut, uniqueEmail } from "./helpers";

test("a moderator redacts a nickname and it is gone from the case and its revisions", async ({ page, baseURL }, info) => {
  const author = uniqueEmail("redacted.author", info);
  const moderator = uniqueEmail("redacting.mod", info);
  await createMember(baseURL!, "clinician", author, `Redacted Author ${info.project.name}`);
  await createMember(baseURL!, "moderator", moderator, `Redacting Mod ${info.project.name}`);
  const nickname = `zqvplum${info.project.name}${Date.now() % 100000}`;
  const title = `A client known by a nickname (${info.project.name} ${Date.now()})`;

  await signInAs(page, author);
  await page.goto("/cases/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Client age band").selectOption("adult");
  await page.getByLabel("Setting").selectOption("outpatient");
  await page.getByLabel("Modality").selectOption("cbt");
  await page.getByLabel("Sessions so far").selectOption("6-15");
  await page.getByLabel("Situation").fill(`Everyone at her work calls her ${nickname}, and she hates it.`);
  await page.getByLabel("Where I am stuck").fill("I do not know whether to use the name she hates.");
  await page.getByLabel("What I am asking").fill("How do others handle names in the room?");
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
